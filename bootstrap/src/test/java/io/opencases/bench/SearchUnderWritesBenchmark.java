package io.opencases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * CreateCase, then times one search client (a filter sorted on a five-value field, 25 a page; {@link SingleClient},
 * a JVM of its own) idle and while wrk runs CreateCase at about the target rate (the rate reached is printed);
 * meanwhile a checker in this JVM creates a case with a unique word in its title and searches for it the moment the
 * 200 arrives, fifty times a second at most: every such search must find it (read-your-writes). Until 2026-12-07 the
 * writers, the checker (unpaced) and the measured client were threads of this JVM sharing one HTTP client, so the
 * measured requests also waited on that client and on the writers' garbage.
 *
 * <p>The ceiling: the same client alternates each search with a GetCase of a random preloaded case, which never
 * touches the index. What the writes do to GetCase's latency (the machine's cores, the store's lock, the collector)
 * they do to any request; the search's ratio beyond GetCase's is what waiting for the index costs.
 */
public final class SearchUnderWritesBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 8;
    /** wrk's connections for the writes: each sends one every connections / rate seconds. */
    private static final int WRITE_CONNECTIONS = 20;
    /**
     * Each phase's untimed start. The preload sends only CreateCase, so the server compiles its search and GetCase
     * paths during the idle phase's warm-up: with 3 s (until 2026-12-08) the server's own log put the idle phase's
     * search p99 at 4.5 ms in its first seconds and 0.6 ms in its last, so the idle p99 the ratio divides by held
     * the JIT's warm-up, and the ratio understated what the writes cost.
     */
    private static final int WARMUP_SECONDS = 10;
    /** Between two read-your-writes checks. */
    private static final long CHECK_PAUSE_MILLIS = 20;

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
        pool.shutdown();
        var measured = List.of(SingleClient.Requests.post(List.of("/domains/" + domainId + "/cases-search"), query),
                SingleClient.Requests.post(Arrays.stream(ids).map(id -> "/domains/" + domainId + "/cases/" + id)
                        .toList(), "{\"fields\":[{\"id\":\"title\"}]}"));
        // The preload compiled only CreateCase's path: one untimed run first, so that the server's search and
        // GetCase paths are compiled (its C2 threads take cores of their own) before the idle phase is timed.
        SingleClient.run(base, measured, WARMUP_SECONDS, seconds);
        List<String[]> idle = SingleClient.run(base, measured, WARMUP_SECONDS, seconds);

        // The writes come from wrk (a process of its own, a few microseconds of CPU a request), paced by a think
        // time per connection; the measured client is another JVM, started while they run.
        Path script = Files.createTempFile("writes-", ".lua");
        Files.writeString(script, writesScript("/domains/" + domainId + "/cases", bench.templateId(), prio, text,
                WRITE_CONNECTIONS * 1000 / targetRate - 2));
        var writes = SingleClient.begin(new ProcessBuilder("/usr/bin/wrk", "-t2", "-c" + WRITE_CONNECTIONS,
                "-d" + (WARMUP_SECONDS + seconds + 8) + "s", "-s", script.toString(), base));
        var running = new AtomicBoolean(true);
        var checks = new AtomicLong();
        var misses = new ConcurrentLinkedQueue<String>();
        var checker = new Thread(() -> {
            // Its own client, paced: it checks, it does not add load of its own worth measuring.
            var own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (running.get()) {
                String word = "w" + UUID.randomUUID().toString().replace("-", "");
                try {
                    String caseId = create(own, createUrl, bench.templateId(), prio, text, word);
                    var found = JSON.readTree(post(own, searchUrl, "{\"searchTerm\":\"" + word + "\"}"))
                            .get("cases");
                    checks.incrementAndGet();
                    if (found.size() != 1 || !found.get(0).get("caseId").asText().equals(caseId)) {
                        misses.add(caseId);
                    }
                    Thread.sleep(CHECK_PAUSE_MILLIS);
                } catch (Exception e) {
                    misses.add("error: " + e);
                }
            }
        });
        // A failed measurement must not leave the checker writing for ever.
        checker.setDaemon(true);
        List<String[]> busy;
        try {
            // wrk's connections open and its first writes land before anything is timed.
            Thread.sleep(1000);
            checker.start();
            busy = SingleClient.run(base, measured, WARMUP_SECONDS, seconds);
        } finally {
            running.set(false);
        }
        checker.join();
        String[] wrote = writes.result();
        System.out.printf("| phase | searches | search p50 | search p99 | GetCase p50 | GetCase p99 | writes/s |%n"
                + "|---|---|---|---|---|---|---|%n");
        System.out.printf("| idle | %s | %s ms | %s ms | %s ms | %s ms | 0 |%n", idle.get(0)[0], idle.get(0)[1],
                idle.get(0)[2], idle.get(1)[1], idle.get(1)[2]);
        System.out.printf("| under writes | %s | %s ms | %s ms | %s ms | %s ms | %,.0f (%s failed) |%n",
                busy.get(0)[0], busy.get(0)[1], busy.get(0)[2], busy.get(1)[1], busy.get(1)[2],
                Double.parseDouble(wrote[0]), wrote[1]);
        System.out.printf("p99 under writes / idle: search %.2f×, GetCase (ceiling) %.2f×; failed requests: %s "
                        + "searches, %s GetCases; read-your-writes checks: %,d, misses: %d %s%n",
                p99(busy.get(0)) / p99(idle.get(0)), p99(busy.get(1)) / p99(idle.get(1)), busy.get(0)[5],
                busy.get(1)[5], checks.get(), misses.size(), misses.isEmpty() ? "" : misses.peek());
    }

    private static double p99(String[] result) {
        return Double.parseDouble(result[2]);
    }

    /**
     * CreateCase from each connection with a think time between the response and the next request: connections /
     * (think time + latency) is the write rate, printed as measured. A title, a priority of five values and a text.
     */
    private static String writesScript(String path, String templateId, String prio, String text, int thinkMillis) {
        return "wrk.method = 'POST'\nwrk.headers['Content-Type'] = 'application/json'\n"
                + "request = function()\n"
                + "  local body = string.format('{\"templateId\":\"" + templateId + "\",\"fields\":["
                + "{\"id\":\"title\",\"value\":{\"stringValue\":\"write %d\"}},"
                + "{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"arn:aws:profile:us-east-1:"
                + "000000000000:domains/d/profiles/p1\"}},"
                + "{\"id\":\"" + prio + "\",\"value\":{\"doubleValue\":%d}},"
                + "{\"id\":\"" + text + "\",\"value\":{\"stringValue\":\"printer battery %d\"}}]}', "
                + "math.random(0, 999), math.random(0, 4), math.random(0, 99))\n"
                + "  return wrk.format(nil, '" + path + "', nil, body)\n"
                + "end\n"
                + "delay = function() return " + Math.max(0, thinkMillis) + " end\n"
                + "done = function(summary, latency, requests)\n"
                + "  local errors = summary.errors.status + summary.errors.connect + summary.errors.read "
                + "+ summary.errors.write + summary.errors.timeout\n"
                + "  io.write(string.format('RESULT %f %d\\n', summary.requests / (summary.duration / 1e6), errors))\n"
                + "end\n";
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
