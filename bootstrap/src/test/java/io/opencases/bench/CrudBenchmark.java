package io.opencases.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage benchmark, everything in separate processes: each server jar given runs as its own JVM ({@code java
 * -jar}, embedded PostgreSQL with fsync and synchronous commit on, SigV4 on), load comes from wrk with requests
 * pre-signed by the AWS SDK's signer, and in the same run, on the same PostgreSQL, pgbench measures a one-row
 * INSERT and a one-row primary-key SELECT as ceilings. Then the same jar on memory storage answers GetCase, the
 * ceiling of the HTTP layer. Statements per operation are counted with pg_stat_statements over 200 sequential
 * calls (less what the server's background pollers ran in as long idle). The hot-row run checks that no update was
 * lost: in the case's audit history each change's old value is the previous change's new value.
 *
 * <pre>mvn -B -q package -DskipTests
 * mvn -B -q -pl bootstrap test-compile   # then run this class with the bootstrap test classpath:
 * java -cp "$(cat cp.txt):bootstrap/target/test-classes" io.opencases.bench.CrudBenchmark 10 \
 *     before=/tmp/before/opencases.jar after=bootstrap/target/opencases.jar</pre>
 * Arguments: the seconds each measurement runs, then {@code label=jar} per server build to measure. Set
 * {@code BENCH_JFR=dir} to record a JFR profile of each server into that directory.
 */
public final class CrudBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final String ACCOUNT = "111122223333";
    private static final String KEY = "AKIDBENCH";
    private static final String SECRET = "bench-secret";
    private static final String REGION = "us-east-1";
    private static final String[] WORDS = {"printer", "laptop", "network", "password", "screen", "battery", "email",
            "invoice", "refund", "delivery", "account", "login", "crash", "slow", "broken", "urgent"};
    private static final int[] CLIENTS = {16, 64};

    private CrudBenchmark() {
    }

    /** A wrk run; {@code serverCpu} and {@code databaseCpu} are CPU milliseconds per call (NaN if unknown). */
    record Wrk(double rate, double p50, double p99, long requests, long errors, double serverCpu,
               double databaseCpu) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        var report = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            String[] labelJar = args[i].split("=", 2);
            report.append(measure(labelJar[0], Path.of(labelJar[1]), seconds));
        }
        System.out.println();
        System.out.println(report);
    }

    private static String measure(String label, Path jar, int seconds) throws Exception {
        var out = new StringBuilder("\n### " + label + " (" + jar + ")\n\n");
        var rows = new ArrayList<String>();
        Map<String, String> statements;
        String hotRow;
        Map<Integer, Wrk> insert = new LinkedHashMap<>();
        Map<Integer, Wrk> select = new LinkedHashMap<>();
        Path dataDir = Files.createTempDirectory("opencases-bench-");
        try (Server server = Server.start(jar, "embedded", dataDir, label)) {
            // pg_stat_statements must be preloaded: set it, then restart on the same data directory.
            try (Connection db = server.database()) {
                db.createStatement().execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
            }
        }
        try (Server server = Server.start(jar, "embedded", dataDir, label)) {
            try (Connection db = server.database()) {
                db.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            var bench = Bench.setUp(server.base, 1000);
            statements = only("statements") ? countStatements(server, bench) : Map.of();
            // Warm the JIT on every path before measuring (the setup only created cases).
            server.wrk(16, 5, bench.gets(2000));
            server.wrk(16, 5, bench.updates(2000, false));
            for (int clients : CLIENTS) {
                if (only("create")) {
                    statementCosts(server, null);
                    rows.add(row("CreateCase", clients, server.wrk(clients, seconds, bench.creates(2000))));
                    statementCosts(server, "CreateCase, " + clients + " clients");
                }
                if (only("get")) {
                    rows.add(row("GetCase", clients, server.wrk(clients, seconds, bench.gets(2000))));
                }
                if (only("update")) {
                    statementCosts(server, null);
                    rows.add(row("UpdateCase, distinct cases", clients, server.wrk(clients, seconds,
                            bench.updates(2000, false))));
                    statementCosts(server, "UpdateCase, " + clients + " clients");
                }
            }
            if (only("hot")) {
                for (int clients : CLIENTS) {
                    rows.add(row("UpdateCase, all clients on one case", clients, server.wrk(clients, seconds,
                            bench.updates(4000, true))));
                }
                hotRow = checkNoLostUpdate(server, bench);
            } else {
                hotRow = "not run";
            }
            for (int clients : only("pgbench") ? CLIENTS : new int[0]) {
                insert.put(clients, server.pgbench(clients, seconds, false));
                select.put(clients, server.pgbench(clients, seconds, true));
            }
        }
        if (only("memory")) {
            try (Server memory = Server.start(jar, "memory", Files.createTempDirectory("opencases-bench-mem-"),
                    label + "-memory")) {
                var bench = Bench.setUp(memory.base, 1000);
                memory.wrk(16, 5, bench.gets(2000));
                for (int clients : CLIENTS) {
                    rows.add(row("GetCase on memory storage", clients, memory.wrk(clients, seconds,
                            bench.gets(2000))));
                }
            }
        }
        out.append("| operation | clients | calls/s | p50 | p99 | server CPU/call | PostgreSQL CPU/call | errors |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        rows.forEach(out::append);
        for (int clients : insert.keySet()) {
            out.append(String.format("| pgbench one-row INSERT | %d | %,.0f | avg %.2f ms | – | | | |%n", clients,
                    insert.get(clients).rate(), insert.get(clients).p50()));
            out.append(String.format("| pgbench one-row PK SELECT | %d | %,.0f | avg %.2f ms | – | | | |%n", clients,
                    select.get(clients).rate(), select.get(clients).p50()));
        }
        out.append("\nStatements per operation (pg_stat_statements, 200 sequential calls, background subtracted):\n\n");
        statements.forEach((op, count) -> out.append("- ").append(op).append(": ").append(count).append('\n'));
        out.append("\nHot row: ").append(hotRow).append('\n');
        System.out.println(out);
        return out.toString();
    }

    /**
     * Whether a part of the run is wanted: {@code BENCH_ONLY} (comma-separated: statements, create, get, update, hot,
     * pgbench, memory) picks parts for a quick profile; unset runs them all.
     */
    private static boolean only(String part) {
        String parts = System.getenv("BENCH_ONLY");
        return parts == null || parts.isBlank() || java.util.Arrays.asList(parts.split(",")).contains(part);
    }

    private static String row(String name, int clients, Wrk wrk) {
        String line = String.format("| %s | %d | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %d |%n", name,
                clients, wrk.rate(), wrk.p50(), wrk.p99(), wrk.serverCpu(), wrk.databaseCpu(), wrk.errors());
        System.out.print(line);
        return line;
    }

    /**
     * With {@code BENCH_PGSS} set: what each statement cost inside PostgreSQL during the wrk run just ended
     * (pg_stat_statements: execution time, WAL, buffers per call), printed for the operator; {@code title} null
     * only resets the counters before the run.
     */
    private static void statementCosts(Server server, String title) throws SQLException {
        String wanted = System.getenv("BENCH_PGSS");
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        try (Connection db = server.database()) {
            if (title != null) {
                var out = new StringBuilder("\npg_stat_statements, " + title + ":\n"
                        + "| calls | exec ms/call | plan ms/call | rows/call | WAL bytes/call | WAL FPI | blks hit/call "
                        + "| blks dirtied/call | query |\n");
                try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT calls, "
                        + "total_exec_time / calls, total_plan_time / calls, rows::float8 / calls, "
                        + "wal_bytes::float8 / calls, wal_fpi, shared_blks_hit::float8 / calls, "
                        + "shared_blks_dirtied::float8 / calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) "
                        + "FROM pg_stat_statements WHERE query !~* 'pg_stat_statements' "
                        + "ORDER BY total_exec_time DESC LIMIT 10")) {
                    while (rows.next()) {
                        out.append(String.format("| %d | %.3f | %.3f | %.2f | %.0f | %d | %.1f | %.2f | %s |%n",
                                rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                                rows.getDouble(5), rows.getLong(6), rows.getDouble(7), rows.getDouble(8),
                                rows.getString(9)));
                    }
                }
                System.out.println(out);
            }
            reset(db);
        }
    }

    /** Statements the server sends per operation, from 200 sequential calls of each. */
    private static Map<String, String> countStatements(Server server, Bench bench) throws Exception {
        var result = new LinkedHashMap<String, String>();
        var http = HttpClient.newHttpClient();
        var calls = new LinkedHashMap<String, List<Signed>>();
        calls.put("CreateCase", bench.creates(200));
        calls.put("GetCase", bench.gets(200));
        calls.put("UpdateCase", bench.updates(200, false));
        for (var entry : calls.entrySet()) {
            try (Connection db = server.database()) {
                // What the server's pollers (outbox, change feed) send in the same time, to subtract.
                long started = System.nanoTime();
                reset(db);
                for (Signed call : entry.getValue()) {
                    call.send(http, server.base);
                }
                long elapsed = System.nanoTime() - started;
                Map<String, Long> during = counts(db);
                reset(db);
                TimeUnit.NANOSECONDS.sleep(elapsed);
                Map<String, Long> idle = counts(db);
                double queries = (during.get("queries") - idle.get("queries")) / 200.0;
                double utility = (during.get("utility") - idle.get("utility")) / 200.0;
                result.put(entry.getKey(), String.format("%.2f statements (+ %.2f BEGIN/SET/COMMIT)", queries,
                        utility));
            }
        }
        return result;
    }

    private static void reset(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet ignored = s.executeQuery(
                "SELECT pg_stat_statements_reset()")) {
            // Counting starts now.
        }
    }

    private static Map<String, Long> counts(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet row = s.executeQuery("SELECT "
                + "coalesce(sum(calls) FILTER (WHERE query !~* '^\\s*(begin|commit|rollback|set|show|select "
                + "pg_stat_statements_reset)'), 0), coalesce(sum(calls) FILTER (WHERE query ~* "
                + "'^\\s*(begin|commit|rollback|set )'), 0) FROM pg_stat_statements "
                + "WHERE query !~* 'pg_stat_statements'")) {
            row.next();
            return Map.of("queries", row.getLong(1), "utility", row.getLong(2));
        }
    }

    /**
     * In the hot case's audit history, each change of a field must start from the value the previous change of
     * that field left: a lost update would show as a change from a value that was already overwritten.
     */
    private static String checkNoLostUpdate(Server server, Bench bench) throws Exception {
        try (Connection db = server.database(); Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT doc FROM audit_events WHERE case_id = '" + bench.hotCase
                     + "' ORDER BY sequence")) {
            Map<String, JsonNode> current = new HashMap<>();
            long events = 0;
            long broken = 0;
            while (rows.next()) {
                events++;
                for (JsonNode change : JSON.readTree(rows.getString(1)).path("fields")) {
                    String field = change.path("fieldId").asText();
                    JsonNode old = change.path("oldValue");
                    JsonNode previous = current.get(field);
                    if (events > 1 && !(previous == null ? old.isMissingNode() || old.isNull()
                            : previous.equals(old))) {
                        broken++;
                    }
                    current.put(field, change.path("newValue"));
                }
            }
            return String.format("%,d updates in the case's history, %d changes that did not start from the "
                    + "previous value (lost updates)", events - 1, broken);
        }
    }

    /** One request, signed ahead of time. */
    record Signed(String method, String path, Map<String, String> headers, String body) {
        SingleClient.Request request() {
            return new SingleClient.Request(method, path, headers, body);
        }

        JsonNode send(HttpClient http, String base) throws Exception {
            HttpResponse<String> response = http.send(request().toHttp(base), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }

        String lua() {
            var headerTable = new StringBuilder("{");
            headers.forEach((name, value) -> headerTable.append("[ ").append(quote(name)).append(" ]=")
                    .append(quote(value)).append(","));
            headerTable.append("}");
            return "wrk.format(" + quote(method) + "," + quote(path) + "," + headerTable + "," + quote(body) + ")";
        }

        private static String quote(String s) {
            return "[==[" + s + "]==]";
        }
    }

    static Signed sign(String base, String method, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(base + path)).putHeader("Content-Type", "application/json")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
        var signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(unsigned).payload(unsigned.contentStreamProvider().orElseThrow())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cases")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)).request();
        var headers = new LinkedHashMap<String, String>();
        signed.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return new Signed(method, path, headers, json);
    }

    /** The benchmark's domain (ten custom fields), its cases, and requests on them. */
    static final class Bench {
        final String base;
        final String domainId;
        final String templateId;
        final List<String> fieldIds;
        final List<String> caseIds;
        final String hotCase;
        private final Random random = new Random(42);

        private Bench(String base, String domainId, String templateId, List<String> fieldIds, List<String> caseIds) {
            this.base = base;
            this.domainId = domainId;
            this.templateId = templateId;
            this.fieldIds = fieldIds;
            this.caseIds = caseIds;
            this.hotCase = caseIds.isEmpty() ? null : caseIds.get(0);
        }

        static Bench setUp(String base, int cases) throws Exception {
            var http = HttpClient.newHttpClient();
            String domainId = sign(base, "POST", "/domains", "{\"name\":\"bench\"}").send(http, base)
                    .get("domainId").asText();
            String templateId = sign(base, "POST", "/domains/" + domainId + "/templates", "{\"name\":\"t\"}")
                    .send(http, base).get("templateId").asText();
            var fieldIds = new ArrayList<String>();
            String[] types = {"Number", "Number", "Number", "Number", "Text", "Text", "Text", "Text", "Text",
                    "Boolean"};
            for (int i = 0; i < types.length; i++) {
                fieldIds.add(sign(base, "POST", "/domains/" + domainId + "/fields",
                        "{\"name\":\"f" + i + "\",\"type\":\"" + types[i] + "\"}").send(http, base)
                        .get("fieldId").asText());
            }
            var bench = new Bench(base, domainId, templateId, fieldIds, new ArrayList<>());
            for (Signed create : bench.creates(cases)) {
                bench.caseIds.add(create.send(http, base).get("caseId").asText());
            }
            return new Bench(base, domainId, templateId, fieldIds, List.copyOf(bench.caseIds));
        }

        List<Signed> creates(int n) {
            var requests = new ArrayList<Signed>();
            for (int i = 0; i < n; i++) {
                requests.add(sign(base, "POST", "/domains/" + domainId + "/cases", "{\"templateId\":\"" + templateId
                        + "\",\"fields\":" + fields(fieldIds, true) + "}"));
            }
            return requests;
        }

        List<Signed> gets(int n) {
            var requests = new ArrayList<Signed>();
            for (int i = 0; i < n; i++) {
                requests.add(sign(base, "POST", "/domains/" + domainId + "/cases/"
                        + caseIds.get(random.nextInt(caseIds.size())), "{\"fields\":[{\"id\":\"title\"},"
                        + "{\"id\":\"status\"},{\"id\":\"" + fieldIds.get(0) + "\"}]}"));
            }
            return requests;
        }

        List<Signed> updates(int n, boolean hot) {
            var requests = new ArrayList<Signed>();
            for (int i = 0; i < n; i++) {
                String caseId = hot ? hotCase : caseIds.get(1 + random.nextInt(caseIds.size() - 1));
                requests.add(sign(base, "PUT", "/domains/" + domainId + "/cases/" + caseId,
                        "{\"fields\":" + fields(fieldIds.subList(0, 5), false) + "}"));
            }
            return requests;
        }

        private String fields(List<String> ids, boolean withBasics) {
            var json = new StringBuilder("[");
            if (withBasics) {
                json.append("{\"id\":\"customer_id\",\"value\":{\"stringValue\":\"")
                        .append("arn:aws:profile:us-east-1:").append(ACCOUNT).append(":domains/d/profiles/p")
                        .append(random.nextInt(1000)).append("\"}},{\"id\":\"title\",\"value\":{\"stringValue\":\"")
                        .append(word()).append(' ').append(word()).append("\"}},");
            }
            for (int i = 0; i < ids.size(); i++) {
                String value = i < 4 ? "{\"doubleValue\":" + random.nextInt(100_000) + "}"
                        : i < 9 ? "{\"stringValue\":\"" + word() + random.nextInt(1000) + "\"}"
                        : "{\"booleanValue\":" + random.nextBoolean() + "}";
                json.append("{\"id\":\"").append(ids.get(i)).append("\",\"value\":").append(value).append("},");
            }
            json.setLength(json.length() - 1);
            return json.append(']').toString();
        }

        private String word() {
            return WORDS[random.nextInt(WORDS.length)];
        }
    }

    /** A server jar running in its own JVM. */
    static final class Server implements AutoCloseable {
        final Process process;
        final String base;
        final int port;
        final Path log;
        final Path dataDir;
        Integer databasePort;

        private Server(Process process, int port, Path log, Path dataDir) {
            this.dataDir = dataDir;
            this.process = process;
            this.port = port;
            this.base = "http://127.0.0.1:" + port;
            this.log = log;
        }

        static Server start(Path jar, String storage, Path dataDir, String label) throws Exception {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("opencases-bench-" + label + "-", ".log");
            var command = new ArrayList<>(List.of("java", "-Xmx2g"));
            String jfr = System.getenv("BENCH_JFR");
            if (jfr != null && !jfr.isBlank() && !storage.equals("memory")) {
                command.add("-XX:StartFlightRecording=filename=" + Path.of(jfr, label + ".jfr").toAbsolutePath()
                        + ",settings=profile");
            }
            command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--storage", storage,
                    "--data-dir", dataDir.toString(), "--account-id", ACCOUNT, "--access-key-id", KEY,
                    "--secret-access-key", SECRET, "--quota-domains-per-account", "100"));
            String pool = System.getenv("BENCH_POOL");
            if (pool != null && !pool.isBlank()) {
                command.addAll(List.of("--db-pool-size", pool));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            var server = new Server(process, port, log, dataDir);
            var http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (true) {
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create(server.base + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("server did not start: " + Files.readString(log));
                    }
                    Thread.sleep(200);
                }
            }
            Matcher m = Pattern.compile("Embedded PostgreSQL started on port (\\d+)").matcher(Files.readString(log));
            if (m.find()) {
                server.databasePort = Integer.parseInt(m.group(1));
            }
            return server;
        }

        /** CPU time of the embedded PostgreSQL: the postmaster of the data directory and its processes. */
        double databaseCpuMillis() throws IOException {
            Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            var handle = ProcessHandle.of(postmaster).orElseThrow();
            double total = cpuMillis(handle);
            for (var child : handle.descendants().toList()) {
                total += cpuMillis(child);
            }
            return total;
        }

        Connection database() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                    "postgres", "postgres");
        }

        Wrk wrk(int clients, int seconds, List<Signed> requests) throws Exception {
            Path script = Files.createTempFile("wrk-", ".lua");
            var lua = new StringBuilder("local requests = {\n");
            for (Signed request : requests) {
                lua.append(request.lua()).append(",\n");
            }
            lua.append("}\nlocal i = math.random(#requests)\n")
                    .append("request = function()\n  i = i + 1\n  if i > #requests then i = 1 end\n")
                    .append("  return requests[i]\nend\n")
                    // The first failure's answer, for the operator.
                    .append("local told = false\nresponse = function(status, headers, body)\n")
                    .append("  if status ~= 200 and not told then told = true; print(status, body) end\nend\n");
            Files.writeString(script, lua);
            double serverBefore = cpuMillis(process.toHandle());
            double databaseBefore = databasePort == null ? 0 : databaseCpuMillis();
            String output = run(List.of("wrk", "-t" + Math.min(2, clients), "-c" + clients, "-d" + seconds + "s", "--timeout", "30s", "--latency",
                    "-s", script.toString(), base));
            Files.delete(script);
            if (output.contains("Non-2xx") || output.contains(".lua:")) {
                throw new IllegalStateException("requests failed: " + output);
            }
            double rate = number(output, "Requests/sec:\\s+([\\d.]+)");
            long total = (long) number(output, "(\\d+) requests in");
            long errors = 0;
            Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
                    + "timeout (\\d+)").matcher(output);
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    errors += Long.parseLong(socket.group(g));
                }
            }
            double serverCpu = (cpuMillis(process.toHandle()) - serverBefore) / Math.max(1, total);
            double databaseCpu = databasePort == null ? Double.NaN
                    : (databaseCpuMillis() - databaseBefore) / Math.max(1, total);
            return new Wrk(rate, millis(output, "50%"), millis(output, "99%"), total, errors, serverCpu,
                    databaseCpu);
        }

        Wrk pgbench(int clients, int seconds, boolean select) throws Exception {
            Path script = Files.createTempFile("pgbench-", ".sql");
            try (Connection db = database()) {
                db.createStatement().execute("CREATE TABLE IF NOT EXISTS pgbench_rows (id bigserial PRIMARY KEY, "
                        + "payload text)");
                if (select) {
                    db.createStatement().execute("INSERT INTO pgbench_rows (payload) SELECT repeat('x', 600) "
                            + "FROM generate_series(1, 10000) WHERE (SELECT count(*) FROM pgbench_rows) < 10000");
                }
            }
            // The payload is about the size of a stored benchmark case.
            Files.writeString(script, select ? "\\set id random(1, 10000)\n"
                    + "SELECT payload FROM pgbench_rows WHERE id = :id;\n"
                    : "INSERT INTO pgbench_rows (payload) VALUES (repeat('x', 600));\n");
            String output = run(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(databasePort), "-U",
                    "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T",
                    Integer.toString(seconds), "-f", script.toString(), "postgres"));
            Files.delete(script);
            double tps = number(output, "tps = ([\\d.]+)");
            double latency = number(output, "latency average = ([\\d.]+) ms");
            return new Wrk(tps, latency, Double.NaN, 0, 0, Double.NaN, Double.NaN);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static double cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
        return output;
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency line of wrk's distribution ("99%   12.34ms") in milliseconds. */
    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile(Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
