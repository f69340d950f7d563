package io.opencases.bench;

import io.opencases.application.Quotas;
import io.opencases.bootstrap.Main;
import io.opencases.bootstrap.OpenCasesServer;
import io.opencases.bootstrap.ServerComponent;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.lucene.LuceneCaseIndex;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SearchCases against GetCase under concurrent load from a separate process: a real server (memory storage, Lucene
 * index) bulk-loaded with N cases (the SearchBenchmark data), then wrk (16 connections, 2 threads) runs each shape
 * for a fixed time against the same server in the same run: GetCase of random cases (the ceiling), and SearchCases
 * with a filter sorted on a 37-value number (ties), a sort alone on that number, a sort on status (two values), and
 * a searchTerm. Authentication is off: signing is the client's cost. Start the JVM with JFR to profile the server.
 *
 * <pre>java -cp bootstrap/target/opencases.jar:bootstrap/target/test-classes \
 *     io.opencases.bench.SearchLoadBenchmark 100000 10</pre>
 * Arguments: cases (default 100,000), seconds per shape (default 10), connections (default 16), and the shapes to
 * run after GetCase, comma-separated (default all: filter,sort,status,term), e.g. one shape for a JFR of it alone:
 * {@code -XX:StartFlightRecording=filename=search.jfr,settings=profile}.
 */
public final class SearchLoadBenchmark {
    private SearchLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<String> shapes = List.of((args.length > 3 ? args[3] : "filter,sort,status,term").split(","));
        var config = new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.MEMORY, "us-east-1", "000000000000", false,
                List.of(), false, new Quotas(10, 500, 500, 100, 100, 100, 100), ServerConfig.Events.DEFAULT);
        ServerComponent component = Main.component(config);
        OpenCasesServer server = Main.start(component);
        try {
            var http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            var bench = BenchDomain.create(http, base, "Number", "Number", "Number", "Number", "Text", "Text",
                    "Text", "Text", "Text", "DateTime");
            String domainId = bench.domainId();
            List<String> fieldIds = bench.fieldIds();
            long start = System.nanoTime();
            SearchBenchmark.bulkLoad(component, domainId, bench.templateId(), fieldIds, cases);
            System.out.printf("Bulk load (store + index) of %,d cases: %.1f s%n", cases,
                    (System.nanoTime() - start) / 1e9);
            // The load's merges run on for a while: the shape timed first (GetCase, the ceiling) shared the cores
            // with them, and ratios moved by 2× between runs. A search's cost grows with the segments the merges
            // leave: runs are comparable only with their number, printed.
            start = System.nanoTime();
            ((LuceneCaseIndex) component.caseIndex()).awaitMerges();
            System.gc();
            System.out.printf("Merges after the load and a full GC: %.1f s; segments searched (documents each): %s%n",
                    (System.nanoTime() - start) / 1e9, ((LuceneCaseIndex) component.caseIndex()).segmentSizes());

            String search = "/domains/" + domainId + "/cases-search";
            String fields = "\"fields\":[{\"id\":\"title\"}]";
            String f0 = fieldIds.get(0);
            String f3 = fieldIds.get(3);
            Map<String, Path> scripts = new LinkedHashMap<>();
            Path dir = Files.createTempDirectory("search-load");
            var ids = new ArrayList<String>();
            for (int i = 0; i < 1000; i++) {
                int n = (int) ((long) i * cases / 1000);
                ids.add("\"" + SearchBenchmark.caseId(n) + "\"");
            }
            scripts.put("GetCase (random case, title)", script(dir, "get", "ids = {" + String.join(",", ids) + "}\n"
                    + "request = function()\n  return wrk.format('POST', '/domains/" + domainId + "/cases/' .. "
                    + "ids[math.random(#ids)], {['Content-Type']='application/json'}, '{" + fields + "}')\nend\n"));
            var all = new LinkedHashMap<String, Path>();
            all.put("filter + sort with ties (Number > 500, sort 37-value Number)", post(dir, "filter", search,
                    "{\"maxResults\":25," + fields + ",\"filter\":{\"field\":{\"greaterThan\":{\"id\":\"" + f0
                            + "\",\"value\":{\"doubleValue\":500}}}},\"sorts\":[{\"fieldId\":\"" + f3
                            + "\",\"sortOrder\":\"Asc\"}]}"));
            all.put("sort alone (37-value Number asc)", post(dir, "sort", search,
                    "{\"maxResults\":25," + fields + ",\"sorts\":[{\"fieldId\":\"" + f3 + "\",\"sortOrder\":\"Asc\"}]}"));
            all.put("sort alone (status, two values)", post(dir, "status", search,
                    "{\"maxResults\":25," + fields + ",\"sorts\":[{\"fieldId\":\"status\",\"sortOrder\":\"Desc\"}]}"));
            all.put("searchTerm (\"printer bat\")", post(dir, "term", search,
                    "{\"maxResults\":25," + fields + ",\"searchTerm\":\"printer bat\"}"));
            for (var entry : all.entrySet()) {
                String name = entry.getValue().getFileName().toString().replace(".lua", "");
                if (shapes.contains(name)) {
                    scripts.put(entry.getKey(), entry.getValue());
                }
            }
            System.out.printf("wrk -t2 -c%d -d%ds, %,d cases, same server%n", connections, seconds, cases);
            System.out.println("| shape | requests/s | p50 | p99 | non-2xx | vs GetCase |");
            System.out.println("|---|---|---|---|---|---|");
            double ceiling = 0;
            for (var entry : scripts.entrySet()) {
                // A short warm-up run first so the JIT has compiled the path.
                wrk(base, entry.getValue(), connections, Math.max(2, seconds / 3));
                String[] r = wrk(base, entry.getValue(), connections, seconds);
                double rate = Double.parseDouble(r[0]);
                if (ceiling == 0) {
                    ceiling = rate;
                }
                System.out.printf("| %s | %,.0f | %.2f ms | %.2f ms | %s | %.2f× |%n", entry.getKey(), rate,
                        Double.parseDouble(r[1]) / 1000, Double.parseDouble(r[2]) / 1000, r[3], rate / ceiling);
            }
        } finally {
            server.stop(1000);
        }
    }

    static Path post(Path dir, String name, String path, String body) throws IOException {
        return script(dir, name, "wrk.method = 'POST'\nwrk.path = '" + path + "'\nwrk.body = '" + body + "'\n"
                + "wrk.headers['Content-Type'] = 'application/json'\n");
    }

    static Path script(Path dir, String name, String lua) throws IOException {
        String done = "\ndone = function(summary, latency, requests)\n"
                + "  local errors = summary.errors.status + summary.errors.connect + summary.errors.read "
                + "+ summary.errors.write + summary.errors.timeout\n"
                + "  io.write(string.format('RESULT %f %f %f %d\\n', summary.requests / (summary.duration / 1e6), "
                + "latency:percentile(50), latency:percentile(99), errors))\nend\n";
        Path file = dir.resolve(name + ".lua");
        Files.writeString(file, lua + done, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs wrk and returns requests/s, p50 µs, p99 µs and the error count. */
    static String[] wrk(String base, Path script, int connections, int seconds) throws Exception {
        return SingleClient.result(new ProcessBuilder("/usr/bin/wrk", "-t" + Math.min(2, connections),
                "-c" + connections, "-d" + seconds + "s", "-s", script.toString(), base));
    }
}
