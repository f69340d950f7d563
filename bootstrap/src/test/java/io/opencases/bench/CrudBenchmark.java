package io.opencases.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.application.Quotas;
import io.opencases.bootstrap.Main;
import io.opencases.bootstrap.OpenCasesServer;
import io.opencases.bootstrap.ServerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The storage benchmark: a real server on embedded PostgreSQL (fsync on, as deployed), a domain with ten custom
 * fields, then CreateCase, UpdateCase and GetCase over HTTP from 16 and 64 concurrent clients, each for a fixed
 * time; and in the same run pgbench's single-row INSERT rate on the same PostgreSQL as the ceiling. Everything
 * (server, database, clients, pgbench) shares the machine's cores. Authentication is off: SigV4 signing is the
 * client's cost, not the store's.
 *
 * <pre>mvn -q install -DskipTests
 * mvn -q -pl bootstrap exec:java -Dexec.mainClass=io.opencases.bench.CrudBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="10"</pre>
 * The argument is the seconds each measurement runs (default 10).
 */
public final class CrudBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"printer", "laptop", "network", "password", "screen", "battery", "email",
            "invoice", "refund", "delivery", "account", "login", "crash", "slow", "broken", "urgent"};

    private CrudBenchmark() {
    }

    private interface Call {
        void run(HttpClient http, Random random) throws Exception;
    }

    private record Result(String name, int clients, long calls, double seconds, double p50, double p99) {
        double rate() {
            return calls / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dataDir = Files.createTempDirectory("opencases-bench-");
        var config = new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.EMBEDDED, "us-east-1", "000000000000",
                false, List.of(), false, new Quotas(10, 500, 500, 100, 100, 100, 100), ServerConfig.Events.DEFAULT,
                new ServerConfig.Database(null, null, null, dataDir, 32, false));
        OpenCasesServer server = Main.start(config);
        var results = new ArrayList<Result>();
        try {
            var http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            var bench = BenchDomain.create(http, base, "Number", "Number", "Number", "Number", "Text", "Text",
                    "Text", "Text", "Text", "Boolean");
            String domainId = bench.domainId();
            String templateId = bench.templateId();
            List<String> fieldIds = bench.fieldIds();
            var caseIds = new ConcurrentLinkedQueue<String>();
            String casesUrl = base + "/domains/" + domainId + "/cases";
            Call create = (client, random) -> caseIds.add(post(client, casesUrl,
                    "{\"templateId\":\"" + templateId + "\",\"fields\":" + fields(fieldIds, random) + "}")
                    .get("caseId").asText());
            // Warm up the JIT and the connection pools, and leave cases to update and read.
            run("warm-up", 16, 5, create);
            String[] known = caseIds.toArray(String[]::new);
            Call update = (client, random) -> send(client, "PUT", casesUrl + "/" + known[random.nextInt(known.length)],
                    "{\"fields\":" + fields(fieldIds.subList(0, 5), random) + "}");
            Call get = (client, random) -> post(client, casesUrl + "/" + known[random.nextInt(known.length)],
                    "{\"fields\":[{\"id\":\"title\"},{\"id\":\"status\"},{\"id\":\"" + fieldIds.get(0) + "\"}]}");
            for (int clients : new int[]{16, 64}) {
                results.add(run("CreateCase", clients, seconds, create));
                results.add(run("UpdateCase", clients, seconds, update));
                results.add(run("GetCase", clients, seconds, get));
            }
            System.out.println();
            System.out.println("| operation | clients | calls/s | p50 | p99 |");
            System.out.println("|---|---|---|---|---|");
            for (Result r : results) {
                System.out.printf("| %s | %d | %,.0f | %.2f ms | %.2f ms |%n", r.name(), r.clients(), r.rate(),
                        r.p50(), r.p99());
            }
            System.out.println();
            System.out.println("pgbench single-row INSERT on the same PostgreSQL:");
            for (int clients : new int[]{16, 64}) {
                System.out.printf("  %d clients: %s%n", clients, pgbench(server, config, clients, seconds));
            }
        } finally {
            server.stop(5_000);
        }
    }

    /** {@code clients} threads calling for {@code seconds}; throughput and latency percentiles. */
    private static Result run(String name, int clients, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var start = new CountDownLatch(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var futures = new ArrayList<Future<double[]>>();
        var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                var random = new Random(ThreadLocalRandom.current().nextLong());
                var samples = new double[1 << 16];
                int n = 0;
                start.await();
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    call.run(http, random);
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = (System.nanoTime() - t) / 1e6;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        var all = new ArrayList<double[]>();
        for (Future<double[]> f : futures) {
            all.add(f.get(seconds + 120L, TimeUnit.SECONDS));
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        double[] merged = all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        var result = new Result(name, clients, merged.length, elapsed, merged[merged.length / 2],
                merged[(int) (merged.length * 0.99)]);
        System.out.printf("%s with %d clients: %,.0f calls/s, p50 %.2f ms, p99 %.2f ms%n", name, clients,
                result.rate(), result.p50(), result.p99());
        return result;
    }

    /** pgbench's transactions/s for a one-row INSERT script on the server's own database, or why it didn't run. */
    private static String pgbench(OpenCasesServer server, ServerConfig config, int clients, int seconds)
            throws Exception {
        var url = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(String.valueOf(server.jdbcUrl()));
        if (!url.find()) {
            return "no database port in " + server.jdbcUrl();
        }
        String port = url.group(1);
        Path script = Files.createTempFile("insert", ".sql");
        Files.writeString(script, "INSERT INTO pgbench_rows(payload) VALUES (repeat('x', 200));\n");
        var env = new String[]{"psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-c",
                "CREATE TABLE IF NOT EXISTS pgbench_rows (id bigserial PRIMARY KEY, payload text)"};
        if (exec(env) != 0) {
            return "psql not available";
        }
        var output = new StringBuilder();
        int exit = exec(new String[]{"pgbench", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-n", "-c",
                Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(),
                "postgres"}, output);
        if (exit != 0) {
            return "pgbench failed: " + output;
        }
        return output.toString().lines().filter(l -> l.startsWith("tps") || l.contains("latency average"))
                .map(String::trim).reduce((a, b) -> a + "; " + b).orElse(output.toString());
    }

    private static int exec(String[] command) throws IOException, InterruptedException {
        return exec(command, new StringBuilder());
    }

    private static int exec(String[] command, StringBuilder output) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            output.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            return p.waitFor();
        } catch (IOException notInstalled) {
            output.append(notInstalled.getMessage());
            return -1;
        }
    }

    private static String fields(List<String> fieldIds, Random random) {
        var json = new StringBuilder("[{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"")
                .append("arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p").append(random.nextInt(1000))
                .append("\"}},{\"id\":\"title\",\"value\":{\"stringValue\":\"")
                .append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(WORDS[random.nextInt(WORDS.length)])
                .append("\"}}");
        for (int i = 0; i < fieldIds.size(); i++) {
            String value = i < 4 ? "{\"doubleValue\":" + random.nextInt(1000) + "}"
                    : i < 9 ? "{\"stringValue\":\"" + WORDS[random.nextInt(WORDS.length)] + "\"}"
                    : "{\"booleanValue\":" + random.nextBoolean() + "}";
            json.append(",{\"id\":\"").append(fieldIds.get(i)).append("\",\"value\":").append(value).append('}');
        }
        return json.append(']').toString();
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        return send(http, "POST", url, body);
    }

    private static JsonNode send(HttpClient http, String method, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
