package io.opencases.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencases.bench.CrudBenchmark.Bench;
import io.opencases.bench.CrudBenchmark.Server;
import io.opencases.bench.CrudBenchmark.Signed;
import io.opencases.bench.CrudBenchmark.Wrk;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.opencases.bench.CrudBenchmark.sign;

/**
 * SearchAllRelatedItems with N related items in one domain, single client, everything in separate processes: the
 * server jar in its own JVM on embedded PostgreSQL (SigV4 on), load from wrk (1 connection) with pre-signed
 * requests, and in the same run the ceilings: GetCase on the same server, and pgbench (1 client) running the SQL
 * the PostgreSQL adapter sends for a first page and a next page, on the same PostgreSQL.
 *
 * <p>The fixture: 1,000 cases created over HTTP, three related items created over HTTP (a comment, a contact, a
 * file) whose stored documents are then copied by one test-only {@code INSERT ... SELECT} into N rows spread
 * over the cases (70% comments, 20% contacts over 50,000 contact ARNs, 10% files; association times 1 ms apart with
 * every other pair tied), then {@code VACUUM ANALYZE}. Loading a million items through the API would take an hour
 * on this machine; the rows are exactly what the API stores (same document shape, columns derived the same way).
 *
 * <pre>java -cp "$(cat /tmp/cp.txt):bootstrap/target/test-classes" io.opencases.bench.RelatedItemSearchBenchmark \
 *     1000000 10 after=bootstrap/target/opencases.jar</pre>
 * Arguments: related items, seconds per shape, then {@code label=jar} per server build.
 */
public final class RelatedItemSearchBenchmark {
    private static final int CASES = 1000;
    private static final int CONTACT_ARNS = 50_000;

    private RelatedItemSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        var report = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            String[] labelJar = args[i].split("=", 2);
            report.append(measure(labelJar[0], Path.of(labelJar[1]), items, seconds));
        }
        System.out.println();
        System.out.println(report);
    }

    private static String measure(String label, Path jar, int items, int seconds) throws Exception {
        var out = new StringBuilder("\n### " + label + " (" + jar + "), " + String.format("%,d", items)
                + " related items in one domain\n\n");
        var rows = new ArrayList<String>();
        var latencies = new ArrayList<String>();
        var plans = new LinkedHashMap<String, String>();
        try (Server server = Server.start(jar, "embedded", Files.createTempDirectory("opencases-bench-ri-"), label)) {
            var http = HttpClient.newHttpClient();
            Bench bench = Bench.setUp(server.base, CASES);
            long start = System.nanoTime();
            load(server, bench, items);
            out.append(String.format("Fixture loaded in %.1f s (bulk SQL, then VACUUM ANALYZE).%n%n",
                    (System.nanoTime() - start) / 1e9));
            String search = "/domains/" + bench.domainId + "/related-items-search";
            var random = new Random(7);
            Map<String, List<Signed>> shapes = new LinkedHashMap<>();
            shapes.put("no filter, default order (association time), first page of 25",
                    repeat(sign(server.base, "POST", search, "{\"maxResults\":25}")));
            shapes.put("no filter, default order, pages 2–41 (cursor)", pages(http, server.base, search,
                    "{\"maxResults\":25", 40));
            shapes.put("comment filter, default order", repeat(sign(server.base, "POST", search,
                    "{\"maxResults\":25,\"filters\":[{\"comment\":{}}]}")));
            var contacts = new ArrayList<Signed>();
            for (int i = 0; i < 200; i++) {
                contacts.add(sign(server.base, "POST", search, "{\"maxResults\":25,\"filters\":[{\"contact\":"
                        + "{\"contactArn\":\"" + contactArn(random.nextInt(CONTACT_ARNS)) + "\"}}]}"));
            }
            shapes.put("contact filter by contactArn (about 4 matches)", contacts);
            shapes.put("file filter, sorted by case id descending", repeat(sign(server.base, "POST", search,
                    "{\"maxResults\":25,\"filters\":[{\"file\":{}}],\"sorts\":[{\"sortProperty\":\"CaseId\","
                            + "\"sortOrder\":\"Desc\"}]}")));
            shapes.put("no filter, sorted by case id ascending", repeat(sign(server.base, "POST", search,
                    "{\"maxResults\":25,\"sorts\":[{\"sortProperty\":\"CaseId\",\"sortOrder\":\"Asc\"}]}")));
            shapes.put("no filter, association time descending then case id ascending", repeat(sign(server.base,
                    "POST", search, "{\"maxResults\":25,\"sorts\":[{\"sortProperty\":\"AssociationTime\","
                            + "\"sortOrder\":\"Desc\"},{\"sortProperty\":\"CaseId\",\"sortOrder\":\"Asc\"}]}")));
            shapes.put("GetCase (ceiling: one case, three fields)", bench.gets(2000));
            // Warm every path, then measure each shape.
            for (List<Signed> requests : shapes.values()) {
                server.wrk(1, 3, requests);
            }
            for (var shape : shapes.entrySet()) {
                Wrk wrk = server.wrk(1, seconds, shape.getValue());
                rows.add(String.format("| %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", shape.getKey(),
                        wrk.rate(), wrk.p50(), wrk.p99(), wrk.serverCpu(), wrk.databaseCpu()));
                // Each request's own latency: wrk at one connection corrects for coordinated omission.
                String[] single = SingleClient.run(server.base, List.of(new SingleClient.Requests(shape.getValue()
                        .stream().map(Signed::request).toList())), 2, seconds).get(0);
                latencies.add(String.format("| %s | %,d | %s ms | %s ms | %s ms | %s ms | %s |%n", shape.getKey(),
                        Long.parseLong(single[0]), single[1], single[2], single[3], single[4], single[5]));
            }
            String first = "SELECT doc FROM related_items WHERE domain_id = '" + bench.domainId + "' "
                    + "ORDER BY association_time, case_id, related_item_id LIMIT 26";
            String next;
            try (Connection db = server.database()) {
                next = nextPageSql(db, bench.domainId);
                plans.put("first page", explain(db, first));
                plans.put("next page", explain(db, next));
                boolean indexed = db.getMetaData().getColumns(null, null, "related_items", "item_type").next();
                plans.put("comment filter", !indexed ? "(no item_type column in this build)\n"
                        : explain(db, "SELECT doc FROM related_items WHERE domain_id = '" + bench.domainId
                        + "' AND item_type IN ('Comment') ORDER BY association_time, case_id, "
                        + "related_item_id LIMIT 26"));
                plans.put("association time descending", explain(db, "SELECT doc FROM related_items WHERE "
                        + "domain_id = '" + bench.domainId + "' ORDER BY association_time DESC, case_id, "
                        + "related_item_id LIMIT 26"));
            }
            rows.add(pgbench(server, "pgbench: the first page's SQL (ceiling)", first, seconds));
            rows.add(pgbench(server, "pgbench: a next page's SQL (ceiling)", next, seconds));
        }
        out.append("| shape (1 client) | calls/s | p50 | p99 (wrk) | server CPU/call | PostgreSQL CPU/call |\n"
                + "|---|---|---|---|---|---|\n");
        rows.forEach(out::append);
        out.append("\nEach request's own latency (SingleClient, one request after the other, a JVM of its own):\n\n"
                + "| shape | requests | p50 | p99 | p99.9 | max | failed |\n|---|---|---|---|---|---|---|\n");
        latencies.forEach(out::append);
        plans.forEach((name, plan) -> out.append("\nPlan, ").append(name).append(":\n```\n").append(plan)
                .append("```\n"));
        System.out.println(out);
        return out.toString();
    }

    private static String contactArn(int n) {
        return "arn:aws:connect:us-east-1:111122223333:instance/bench/contact/c" + n;
    }

    private static List<Signed> repeat(Signed request) {
        return List.of(request);
    }

    /** Requests for pages 2 to n+1, each with the token the page before returned. */
    private static List<Signed> pages(HttpClient http, String base, String path, String bodyStart, int n)
            throws Exception {
        var requests = new ArrayList<Signed>();
        String token = sign(base, "POST", path, bodyStart + "}").send(http, base).get("nextToken").asText();
        for (int i = 0; i < n; i++) {
            Signed page = sign(base, "POST", path, bodyStart + ",\"nextToken\":\"" + token + "\"}");
            requests.add(page);
            JsonNode answer = page.send(http, base);
            token = answer.get("nextToken").asText();
        }
        return requests;
    }

    /** Three items through the API, then their documents copied into {@code items} rows over the cases. */
    private static void load(Server server, Bench bench, int items) throws Exception {
        var http = HttpClient.newHttpClient();
        String caseId = bench.caseIds.get(0);
        String create = "/domains/" + bench.domainId + "/cases/" + caseId + "/related-items/";
        sign(server.base, "POST", create, "{\"type\":\"Comment\",\"content\":{\"comment\":{\"body\":"
                + "\"The printer is on fire again, please send someone\",\"contentType\":\"Text/Plain\"}}}")
                .send(http, server.base);
        sign(server.base, "POST", create, "{\"type\":\"Contact\",\"content\":{\"contact\":{\"contactArn\":\""
                + contactArn(0) + "\"}}}").send(http, server.base);
        sign(server.base, "POST", create, "{\"type\":\"File\",\"content\":{\"file\":{\"fileArn\":"
                + "\"arn:aws:connect:us-east-1:111122223333:instance/bench/file/f1\"}}}").send(http, server.base);
        try (Connection db = server.database()) {
            db.setAutoCommit(true);
            try (PreparedStatement insert = db.prepareStatement(
                    "WITH templates AS ("
                            + "SELECT (SELECT doc FROM related_items WHERE domain_id = ? "
                            + "AND doc -> 'content' ->> '@type' = 'Comment') AS comment, "
                            + "(SELECT doc FROM related_items WHERE domain_id = ? "
                            + "AND doc -> 'content' ->> '@type' = 'Contact') AS contact, "
                            + "(SELECT doc FROM related_items WHERE domain_id = ? "
                            + "AND doc -> 'content' ->> '@type' = 'File') AS file), "
                            + "bench_cases AS (SELECT c, ord FROM unnest(?::text[]) WITH ORDINALITY AS u(c, ord)), "
                            + "gen AS (SELECT g, bench_cases.c AS case_id, gen_random_uuid()::text AS id, "
                            + "timestamptz '2026-01-01 00:00:00+00' + (g / 2) * interval '1 millisecond' AS at, "
                            + "CASE WHEN g % 10 < 7 THEN 'Comment' WHEN g % 10 < 9 THEN 'Contact' ELSE 'File' END "
                            + "AS type FROM generate_series(1, ?) AS g "
                            + "JOIN bench_cases ON bench_cases.ord = 1 + g % ?) "
                            + "INSERT INTO related_items (domain_id, case_id, related_item_id, association_time, "
                            + "contact_arn, doc) SELECT ?, gen.case_id, gen.id, gen.at, "
                            + "CASE WHEN type = 'Contact' THEN ? || (g % ?) END, "
                            + "jsonb_set(jsonb_set(jsonb_set(CASE type WHEN 'Comment' THEN t.comment "
                            + "WHEN 'Contact' THEN jsonb_set(t.contact, '{content,contactArn}', "
                            + "to_jsonb(? || (g % ?))) ELSE t.file END, '{caseId}', to_jsonb(gen.case_id)), "
                            + "'{relatedItemId}', to_jsonb(gen.id)), '{associationTime}', "
                            + "to_jsonb(to_char(gen.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))) "
                            + "FROM gen, templates t")) {
                String arnPrefix = contactArn(0).substring(0, contactArn(0).length() - 1);
                int p = 1;
                insert.setString(p++, bench.domainId);
                insert.setString(p++, bench.domainId);
                insert.setString(p++, bench.domainId);
                insert.setArray(p++, db.createArrayOf("text", bench.caseIds.toArray()));
                insert.setInt(p++, items - 3);
                insert.setInt(p++, bench.caseIds.size());
                insert.setString(p++, bench.domainId);
                insert.setString(p++, arnPrefix);
                insert.setInt(p++, CONTACT_ARNS);
                insert.setString(p++, arnPrefix);
                insert.setInt(p++, CONTACT_ARNS);
                insert.executeUpdate();
            }
            db.createStatement().execute("VACUUM ANALYZE related_items");
        }
    }

    /** The SQL the adapter sends for a next page, after the 1,000th item of the default order. */
    private static String nextPageSql(Connection db, String domainId) throws Exception {
        try (ResultSet last = db.createStatement().executeQuery("SELECT to_char(association_time AT TIME ZONE "
                + "'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00'), case_id, related_item_id FROM related_items WHERE "
                + "domain_id = '" + domainId + "' ORDER BY association_time, case_id, related_item_id "
                + "OFFSET 1000 LIMIT 1")) {
            last.next();
            String at = "timestamptz '" + last.getString(1) + "'";
            String c = "'" + last.getString(2) + "'";
            String id = "'" + last.getString(3) + "'";
            return "SELECT doc FROM related_items WHERE domain_id = '" + domainId + "' AND association_time >= "
                    + at + " AND ((association_time > " + at + ") OR (association_time = " + at + " AND case_id > "
                    + c + ") OR (association_time = " + at + " AND case_id = " + c + " AND related_item_id > " + id
                    + ")) ORDER BY association_time, case_id, related_item_id LIMIT 26";
        }
    }

    private static String explain(Connection db, String sql) throws Exception {
        var plan = new StringBuilder();
        try (ResultSet rs = db.createStatement().executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String pgbench(Server server, String name, String sql, int seconds) throws Exception {
        Path script = Files.createTempFile("pgbench-ri-", ".sql");
        Files.writeString(script, sql + ";\n", StandardCharsets.UTF_8);
        var command = List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(server.databasePort), "-U",
                "postgres", "-n", "-M", "prepared", "-c", "1", "-j", "1", "-T", Integer.toString(seconds), "-f",
                script.toString(), "postgres");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Files.delete(script);
        var tps = java.util.regex.Pattern.compile("tps = ([\\d.]+)").matcher(output);
        var latency = java.util.regex.Pattern.compile("latency average = ([\\d.]+) ms").matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("no figures in " + output);
        }
        return String.format("| %s | %,.0f | avg %s ms | – | | |%n", name, Double.parseDouble(tps.group(1)),
                latency.group(1));
    }
}
