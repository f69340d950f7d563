package io.opencases.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.application.Quotas;
import io.opencases.application.port.CaseIndex;
import io.opencases.bootstrap.Main;
import io.opencases.bootstrap.OpenCasesServer;
import io.opencases.bootstrap.ServerComponent;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.search.SearchTerms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The search benchmark: bulk-loads N cases with ten custom fields into a real server (memory storage, Lucene
 * index), then times SearchCases over HTTP and the same queries straight against the index, one client at a time.
 *
 * <pre>mvn -q -pl bootstrap -am test-compile exec:java -Dexec.mainClass=io.opencases.bench.SearchBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="100000"</pre>
 */
public final class SearchBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"printer", "laptop", "network", "password", "screen", "battery", "email",
            "invoice", "refund", "delivery", "account", "login", "crash", "slow", "broken", "urgent"};
    private static final int WARMUP = 300;
    private static final int RUNS = 2000;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var config = new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.MEMORY, "us-east-1", "000000000000", false,
                List.of(), false, new Quotas(10, 500, 500, 100, 100, 100, 100), ServerConfig.Events.DEFAULT);
        ServerComponent component = Main.component(config);
        OpenCasesServer server = Main.start(component);
        try {
            var http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String domainId = post(http, base + "/domains", "{\"name\":\"bench\"}").get("domainId").asText();
            String templateId = post(http, base + "/domains/" + domainId + "/templates", "{\"name\":\"t\"}")
                    .get("templateId").asText();
            var fieldIds = new ArrayList<String>();
            String[] types = {"Number", "Number", "Number", "Number", "Text", "Text", "Text", "Text", "Text",
                    "DateTime"};
            for (int i = 0; i < types.length; i++) {
                fieldIds.add(post(http, base + "/domains/" + domainId + "/fields",
                        "{\"name\":\"f" + i + "\",\"type\":\"" + types[i] + "\"}").get("fieldId").asText());
            }

            long start = System.nanoTime();
            bulkLoad(component, domainId, templateId, fieldIds, cases);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Bulk load (store + index) of %,d cases: %.1f s = %,.0f cases/s%n", cases, seconds,
                    cases / seconds);

            String f0 = fieldIds.get(0);
            String f1 = fieldIds.get(1);
            String f4 = fieldIds.get(4);
            Map<String, String> bodies = new java.util.LinkedHashMap<>();
            bodies.put("filter (range + equality)", "{\"maxResults\":25,\"filter\":{\"andAll\":[{\"field\":"
                    + "{\"greaterThan\":{\"id\":\"" + f0 + "\",\"value\":{\"doubleValue\":500}}}},{\"field\":"
                    + "{\"equalTo\":{\"id\":\"status\",\"value\":{\"stringValue\":\"open\"}}}}]}}");
            bodies.put("sort (number asc)", "{\"maxResults\":25,\"sorts\":[{\"fieldId\":\"" + f1
                    + "\",\"sortOrder\":\"Asc\"}]}");
            bodies.put("searchTerm", "{\"maxResults\":25,\"searchTerm\":\"printer bat\"}");
            Map<String, CaseIndex.Query> direct = new java.util.LinkedHashMap<>();
            direct.put("filter (range + equality)", new CaseIndex.Query(new FieldFilter.AndAll(List.of(
                    new FieldFilter.Comparison(FieldFilter.Operator.GREATER_THAN, f0, new FieldValue.DoubleValue(500)),
                    new FieldFilter.Comparison(FieldFilter.Operator.EQUAL_TO, "status",
                            new FieldValue.StringValue("open")))), List.of(), CaseSort.DEFAULT, null, 26));
            direct.put("sort (number asc)", new CaseIndex.Query(null, List.of(), List.of(new CaseSort(f1, true)),
                    null, 26));
            direct.put("searchTerm", new CaseIndex.Query(null, SearchTerms.words("printer bat"), CaseSort.DEFAULT,
                    null, 26));
            System.out.println("| query | HTTP p50 | HTTP p99 | index p50 | index p99 | ratio p99 |");
            System.out.println("|---|---|---|---|---|---|");
            for (var entry : bodies.entrySet()) {
                String url = base + "/domains/" + domainId + "/cases-search";
                double[] overHttp = time(() -> post(http, url, entry.getValue()));
                CaseIndex.Query query = direct.get(entry.getKey());
                double[] onIndex = time(() -> component.caseIndex().search(domainId, query));
                System.out.printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f× |%n", entry.getKey(),
                        overHttp[0], overHttp[1], onIndex[0], onIndex[1], overHttp[1] / onIndex[1]);
            }
            System.out.println("(f4 = " + f4 + ")");
        } finally {
            server.stop(1000);
        }
    }

    private static void bulkLoad(ServerComponent component, String domainId, String templateId,
                                 List<String> fieldIds, int count) {
        var random = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        int batch = 1000;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            int first = from;
            component.unitOfWork().write(() -> {
                for (int i = first; i < to; i++) {
                    String caseId = String.format("%08d-0000-4000-8000-%012d", i, i);
                    var values = new HashMap<String, FieldValue>();
                    String stamp = base.plusSeconds(i).toString();
                    values.put("case_id", new FieldValue.StringValue(caseId));
                    values.put("title", new FieldValue.StringValue(words(random, 4)));
                    values.put("customer_id", new FieldValue.StringValue(
                            "arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p" + random.nextInt(1000)));
                    values.put("status", new FieldValue.StringValue(random.nextInt(4) == 0 ? "closed" : "open"));
                    values.put("reference_number", new FieldValue.StringValue(String.format("%08d", i)));
                    values.put("created_datetime", new FieldValue.StringValue(stamp));
                    values.put("last_updated_datetime", new FieldValue.StringValue(stamp));
                    for (int f = 0; f < 4; f++) {
                        values.put(fieldIds.get(f), new FieldValue.DoubleValue(random.nextInt(1000)));
                    }
                    for (int f = 4; f < 9; f++) {
                        values.put(fieldIds.get(f), new FieldValue.StringValue(words(random, 3)));
                    }
                    values.put(fieldIds.get(9), new FieldValue.StringValue(base.plusSeconds(random.nextInt(1_000_000))
                            .toString()));
                    var aCase = new Case(domainId, caseId, templateId, values, base.plusSeconds(i));
                    component.caseRepository().save(aCase);
                    component.caseIndex().upsert(new CaseDocument(domainId, caseId, templateId, values, Map.of()));
                }
            });
        }
    }

    private static String words(Random random, int n) {
        var words = new String[n];
        Arrays.setAll(words, i -> WORDS[random.nextInt(WORDS.length)]);
        return String.join(" ", words);
    }

    /** p50 and p99 in milliseconds after a warm-up. */
    private static double[] time(Supplier<Object> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        var samples = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            samples[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(samples);
        return new double[]{samples[RUNS / 2], samples[(int) (RUNS * 0.99)]};
    }

    private static JsonNode post(HttpClient http, String url, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
