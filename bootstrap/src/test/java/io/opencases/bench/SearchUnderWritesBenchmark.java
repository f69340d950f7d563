package io.opencases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search while writes run, from a process of its own against a server started separately (authentication off):
 * <pre>java -jar bootstrap/target/opencases.jar --storage memory --auth none --port 8099 &amp;
 * java -cp bootstrap/target/opencases.jar:bootstrap/target/test-classes \
 *     io.opencases.bench.SearchUnderWritesBenchmark http://127.0.0.1:8099 20000 15 1000</pre>
 * Arguments: base URL, cases to preload, seconds per phase, target writes per second. It preloads the cases with
 * CreateCase, then times one search client (a filter sorted on a five-value field, 25 a page) idle and while
 * writers run CreateCase at the target rate; meanwhile a checker creates a case with a unique word in its title and
 * searches for it the moment the 200 arrives: every such search must find it (read-your-writes).
 *
 * <p>The ceiling: the same client alternates each search with a GetCase of a random preloaded case, which never
 * touches the index. What the writes do to GetCase's latency (the machine's cores, the store's lock, the collector)
 * they do to any request; the search's ratio beyond GetCase's is what waiting for the index costs.
 */
public final class SearchUnderWritesBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 8;

    private SearchUnderWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8099";
        int preload = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int targetRate = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var bench = BenchDomain.create(http, base, "Number", "Text");
        String domainId = bench.domainId();
        String prio = bench.fieldIds().get(0);
        String text = bench.fieldIds().get(1);
        String createUrl = base + "/domains/" + domainId + "/cases";
        String searchUrl = base + "/domains/" + domainId + "/cases-search";

        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        var loaded = new AtomicLong();
        var preloadedIds = new ConcurrentLinkedQueue<String>();
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (int w = 0; w < WRITERS; w++) {
            futures.add(pool.submit(() -> {
                while (loaded.incrementAndGet() <= preload) {
                    preloadedIds.add(create(http, createUrl, bench.templateId(), prio, text, "case"));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        System.out.printf("Preloaded %,d cases in %.1f s%n", preload, (System.nanoTime() - began) / 1e9);

        String query = "{\"maxResults\":25,\"fields\":[{\"id\":\"title\"}],\"filter\":{\"field\":{\"greaterThan\":"
                + "{\"id\":\"" + prio + "\",\"value\":{\"doubleValue\":0}}}},\"sorts\":[{\"fieldId\":\"" + prio
                + "\",\"sortOrder\":\"Asc\"}]}";
        String[] ids = preloadedIds.toArray(String[]::new);
        String getUrl = createUrl + "/";
        searchFor(http, searchUrl, query, getUrl, ids, 3);
        double[][] idle = searchFor(http, searchUrl, query, getUrl, ids, seconds);

        var running = new AtomicBoolean(true);
        var written = new AtomicLong();
        var checks = new AtomicLong();
        var misses = new ConcurrentLinkedQueue<String>();
        long perWriterNanos = 1_000_000_000L * WRITERS / targetRate;
        var writers = new ArrayList<java.util.concurrent.Future<?>>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                long next = System.nanoTime();
                while (running.get()) {
                    create(http, createUrl, bench.templateId(), prio, text, "write");
                    written.incrementAndGet();
                    next += perWriterNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                return null;
            }));
        }
        var checker = new Thread(() -> {
            while (running.get()) {
                String word = "w" + UUID.randomUUID().toString().replace("-", "");
                try {
                    String caseId = create(http, createUrl, bench.templateId(), prio, text, word);
                    var found = JSON.readTree(post(http, searchUrl, "{\"searchTerm\":\"" + word + "\"}"))
                            .get("cases");
                    checks.incrementAndGet();
                    if (found.size() != 1 || !found.get(0).get("caseId").asText().equals(caseId)) {
                        misses.add(caseId);
                    }
                } catch (Exception e) {
                    misses.add("error: " + e);
                }
            }
        });
        checker.start();
        long writeStart = System.nanoTime();
        double[][] busy = searchFor(http, searchUrl, query, getUrl, ids, seconds);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        running.set(false);
        checker.join();
        for (var f : writers) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("| phase | searches | search p50 | search p99 | GetCase p50 | GetCase p99 | writes/s |%n"
                + "|---|---|---|---|---|---|---|%n");
        System.out.printf("| idle | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | 0 |%n", (long) idle[0][2],
                idle[0][0], idle[0][1], idle[1][0], idle[1][1]);
        System.out.printf("| under writes | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %,.0f |%n", (long) busy[0][2],
                busy[0][0], busy[0][1], busy[1][0], busy[1][1], written.get() / writeSeconds);
        System.out.printf("p99 under writes / idle: search %.2f×, GetCase (ceiling) %.2f×; read-your-writes checks: "
                        + "%,d, misses: %d %s%n", busy[0][1] / idle[0][1], busy[1][1] / idle[1][1], checks.get(),
                misses.size(), misses.isEmpty() ? "" : misses.peek());
    }

    /**
     * One client for {@code seconds}, a search then a GetCase of a random one of {@code ids}, again and again: p50
     * and p99 (ms) and the count, of the searches and of the GetCases.
     */
    private static double[][] searchFor(HttpClient http, String url, String body, String getUrl, String[] ids,
                                        int seconds) throws Exception {
        var searches = new ArrayList<Double>();
        var gets = new ArrayList<Double>();
        String get = "{\"fields\":[{\"id\":\"title\"}]}";
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            post(http, url, body);
            searches.add((System.nanoTime() - t) / 1e6);
            String id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
            t = System.nanoTime();
            post(http, getUrl + id, get);
            gets.add((System.nanoTime() - t) / 1e6);
        }
        return new double[][]{percentiles(searches), percentiles(gets)};
    }

    private static double[] percentiles(ArrayList<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted.length};
    }

    private static String create(HttpClient http, String url, String templateId, String prio, String text,
                                 String title) throws Exception {
        var random = ThreadLocalRandom.current();
        String body = "{\"templateId\":\"" + templateId + "\",\"fields\":["
                + "{\"id\":\"title\",\"value\":{\"stringValue\":\"" + title + " " + random.nextInt(1000) + "\"}},"
                + "{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"arn:aws:profile:us-east-1:000000000000:"
                + "domains/d/profiles/p1\"}},"
                + "{\"id\":\"" + prio + "\",\"value\":{\"doubleValue\":" + random.nextInt(5) + "}},"
                + "{\"id\":\"" + text + "\",\"value\":{\"stringValue\":\"printer battery " + random.nextInt(100)
                + "\"}}]}";
        return JSON.readTree(post(http, url, body)).get("caseId").asText();
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
