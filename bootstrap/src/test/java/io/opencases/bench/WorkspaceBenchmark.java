package io.opencases.bench;

import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.conformance.TestServer;
import io.opencases.bootstrap.workspace.WorkspaceSeed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace's page render time under load from a separate process: a real server (memory storage) with a case
 * of 200 related items (195 comments, a contact, a file, an SLA, a connected case, a custom item) and 20 updates of
 * history, an agent signed in, then wrk (one connection, so each figure is one request's full server time plus
 * loopback) on the case page, the same page of a case with nothing attached, its activity fragment, its history
 * (loaded when the agent opens it), and the server's /health as the same-run ceiling.
 *
 * <pre>mvn -q -pl bootstrap -am test-compile -DskipTests
 * java -cp "$(cat bootstrap/target/bench.classpath):bootstrap/target/classes:bootstrap/target/test-classes" \
 *     io.opencases.bench.WorkspaceBenchmark 20</pre>
 */
public final class WorkspaceBenchmark {
    private static final String PASSWORD = "bench-password-1";

    private WorkspaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        var config = TestServer.config(TestServer.QUOTAS, true, ServerConfig.Events.DEFAULT)
                .withWorkspace(new ServerConfig.Workspace(true, PASSWORD));
        try (TestServer server = TestServer.start(config)) {
            var seed = new WorkspaceSeed(server.client(), "bench");
            String connected = seed.newCase("Connected case");
            String big = seed.newCase("Case with 200 related items", "summary", "A long-running case.");
            seed.everyKindOfItem(big, 195, connected);
            for (int i = 0; i < 20; i++) {
                int n = i;
                seed.cases.updateCase(b -> b.domainId(seed.domainId).caseId(big).fields(
                        WorkspaceSeed.text("summary", "Update number " + n)));
            }
            String small = seed.newCase("Case with nothing attached");
            String base = server.endpoint() + "/workspace/d/" + seed.domainId + "/cases/";
            String cookie = signIn(server.endpoint() + "/workspace");

            var rows = new ArrayList<String>();
            run(server.endpoint() + "/health", cookie, 5);
            run(base + big, cookie, 5);
            for (String[] target : List.of(
                    new String[]{"GET /health (ceiling)", server.endpoint() + "/health"},
                    new String[]{"Case page, nothing attached", base + small},
                    new String[]{"Case page, 200 related items", base + big},
                    new String[]{"Activity fragment, 200 related items", base + big + "/feed"},
                    new String[]{"History fragment, 221 audit events", base + big + "/history"})) {
                rows.add(String.format("| %s | %s |", target[0], run(target[1], cookie, seconds)));
            }
            System.out.println("| Request (wrk -t1 -c1, " + seconds + " s) | req/s | p50 | p90 | p99 |");
            System.out.println("|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    /** Signs in as the admin the way a browser does; returns the session cookie. */
    private static String signIn(String workspace) throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        var form = http.send(HttpRequest.newBuilder(URI.create(workspace + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String signinCookie = cookie(form, "oc_signin");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "_csrf=" + token.group(1) + "&username=admin&password=" + PASSWORD;
        var signedIn = http.send(HttpRequest.newBuilder(URI.create(workspace + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "oc_signin=" + signinCookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        return "oc_session=" + cookie(signedIn, "oc_session");
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
    }

    /** wrk with one connection; returns "req/s | p50 | p90 | p99". */
    private static String run(String url, String cookie, int seconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder("wrk", "-t1", "-c1", "-d" + seconds + "s", "--latency", "-H",
                "Cookie: " + cookie, url).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors on " + url + ":\n" + out);
        }
        String latencies = out.substring(Math.max(0, out.indexOf("Latency Distribution")));
        return value(out, "Requests/sec:\\s+([\\d.]+)") + " | " + value(latencies, "50%\\s+(\\S+)") + " | "
                + value(latencies, "90%\\s+(\\S+)") + " | " + value(latencies, "99%\\s+(\\S+)");
    }

    private static String value(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        return m.find() ? m.group(1) : "?";
    }
}
