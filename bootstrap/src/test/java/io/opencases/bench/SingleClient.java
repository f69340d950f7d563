package io.opencases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client in its own JVM: sends one of the given requests (a random one each time), one request after the other,
 * and prints each request's own latency at p50, p99, p99.9 and the maximum. The benchmarks start it as a separate
 * process, so no load runs in the server's JVM. Given several kinds of request, it sends one of each kind in turn and
 * prints a RESULT line per kind, so that all see the same moments of the server. Requests may carry headers: a
 * SigV4 signature made beforehand is sent as it is.
 *
 * <p>Why not wrk for this: wrk corrects its latencies for coordinated omission (it adds, for each slow response, the
 * responses a constant-rate client would have waited for), so with one connection answering in 0.1 ms one 20 ms
 * stall puts 200 samples into its histogram: its p99 there measured 22 ms for a GetCase whose every request but a
 * handful took under 1.4 ms, in the server's log as here. A single client's p99 is the latency of its requests.
 *
 * <pre>java -cp ... io.opencases.bench.SingleClient http://127.0.0.1:8080 10 20 searches.jsonl [gets.jsonl ...]</pre>
 * Arguments: base URL, warm-up seconds, timed seconds (0: until its standard input closes, which is how
 * {@link #start} lets a benchmark stop it when its own work ends), then per kind of request a file with one
 * {@link Request} in JSON per line.
 */
public final class SingleClient {
    private SingleClient() {
    }

    /** One request: method, path, headers (Host and Content-Length are the client's own) and body. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        /**
         * Sends it on the calling thread over a kept-alive connection and reads the whole answer; returns the status.
         * {@link HttpURLConnection} blocks this thread on the socket: the JDK's asynchronous HttpClient, used here
         * until 2026-12-08, passed each exchange through a selector thread and an executor, and with the cores full
         * (search under writes) every such hand-off waited for a core too, so its latencies held the client's own
         * scheduling. It also failed now and then with "connection closed locally" under load.
         */
        int send(String base) throws IOException {
            var connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod(method);
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                    connection.setRequestProperty(name, value);
                }
            });
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                // Buffered (no streaming mode), the connection sends head and body in one write: streamed, the body
                // went in a second segment and waited on the server's delayed acknowledgement (1.4 ms a request).
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            // Read to the end and closed, the connection goes back to the keep-alive cache for the next request.
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        }

        /** The same request for the JDK's HttpClient (the benchmarks' own set-up and checks). */
        java.net.http.HttpRequest toHttp(String base) {
            var builder = java.net.http.HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                    builder.header(name, value);
                }
            });
            return builder.build();
        }
    }

    /** One kind of request: one of these, chosen at random, each time. */
    record Requests(List<Request> each) {
        /** POSTs of one JSON body to one of the paths. */
        static Requests post(List<String> paths, String body) {
            return new Requests(paths.stream().map(path -> new Request("POST", path,
                    Map.of("Content-Type", "application/json"), body)).toList());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long warmup = Long.parseLong(args[1]) * 1_000_000_000L;
        long timed = Long.parseLong(args[2]) * 1_000_000_000L;
        var stopped = new java.util.concurrent.atomic.AtomicBoolean();
        if (timed == 0) {
            timed = Long.MAX_VALUE;
            var stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Nothing is sent; the caller closes the stream to stop this client.
                    }
                } catch (java.io.IOException e) {
                    // A broken stream stops the client too.
                }
                stopped.set(true);
            });
            stdin.setDaemon(true);
            stdin.start();
        }
        int kinds = args.length - 3;
        var requests = new ArrayList<List<Request>>();
        for (int k = 0; k < kinds; k++) {
            var kind = new ArrayList<Request>();
            for (String line : Files.readAllLines(Path.of(args[3 + k]), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    kind.add(JSON.readValue(line, Request.class));
                }
            }
            requests.add(kind);
        }
        long[][] samples = new long[kinds][1 << 20];
        int n = 0;
        long[] failures = new long[kinds];
        long start = System.nanoTime();
        boolean timing = false;
        boolean answered = false;
        while (true) {
            long now = System.nanoTime();
            if (!timing && now - start >= warmup) {
                timing = true;
                start = now;
            } else if (timing && (now - start >= timed || stopped.get())) {
                break;
            }
            if (timing && n == samples[0].length) {
                for (int k = 0; k < kinds; k++) {
                    samples[k] = Arrays.copyOf(samples[k], n * 2);
                }
            }
            for (int k = 0; k < kinds; k++) {
                var request = requests.get(k).get(ThreadLocalRandom.current().nextInt(requests.get(k).size()));
                long t = System.nanoTime();
                int status = request.send(base);
                long took = System.nanoTime() - t;
                if (status != 200) {
                    failures[k]++;
                }
                if (timing) {
                    samples[k][n] = took;
                }
            }
            if (timing) {
                n++;
            }
            if (!answered) {
                // For Running.awaitAnswer: the JVM is up and the server answers.
                answered = true;
                System.out.println("ANSWERED");
                System.out.flush();
            }
        }
        for (int k = 0; k < kinds; k++) {
            long[] sorted = Arrays.copyOf(samples[k], n);
            Arrays.sort(sorted);
            System.out.printf("RESULT %d %.3f %.3f %.3f %.3f %d%n", n, sorted[n / 2] / 1e6,
                    sorted[(int) (n * 0.99)] / 1e6, sorted[(int) (n * 0.999)] / 1e6, sorted[n - 1] / 1e6,
                    failures[k]);
        }
    }

    /**
     * Runs the client as a separate JVM on this JVM's class path and returns what it printed after RESULT:
     * requests, p50, p99, p99.9, max (ms) and failures.
     */
    static String[] run(String base, List<String> paths, String body, int warmupSeconds, int seconds)
            throws Exception {
        return run(base, List.of(Requests.post(paths, body)), warmupSeconds, seconds).get(0);
    }

    /** The same for several kinds of request sent in turn: one RESULT per kind, in their order. */
    static List<String[]> run(String base, List<Requests> kinds, int warmupSeconds, int seconds) throws Exception {
        var command = command(base, kinds, warmupSeconds, seconds);
        return resultsOf(command.redirectErrorStream(true).start(), command);
    }

    /**
     * Starts the client as a separate JVM that runs until {@link Running#stop()}: for load that lasts as long as
     * something the benchmark times (a rebuild), with no warm-up.
     */
    static Running start(String base, List<String> paths, String body) throws Exception {
        return begin(command(base, List.of(Requests.post(paths, body)), 0, 0));
    }

    /** A client started by {@link #start}. */
    record Running(Process process, ProcessBuilder command) {
        /** Returns once the client has had its first answer (a JVM takes a while to start). */
        void awaitAnswer() throws Exception {
            var out = new StringBuilder();
            int c;
            while ((c = process.getInputStream().read()) >= 0) {
                out.append((char) c);
                if (out.toString().endsWith("ANSWERED\n")) {
                    return;
                }
            }
            throw new IllegalStateException("the client ended before its first answer:\n" + out);
        }

        /** Stops the client and returns what it printed after RESULT (as {@link #run} does). */
        String[] stop() throws Exception {
            process.getOutputStream().close();
            return result();
        }

        /** Waits for the process to end by itself and returns its first RESULT line's values. */
        String[] result() throws Exception {
            return resultsOf(process, command).get(0);
        }
    }

    /** Starts a load process (wrk with a benchmark's script) that ends by itself; {@link Running#result} waits. */
    static Running begin(ProcessBuilder command) throws Exception {
        return new Running(command.redirectErrorStream(true).start(), command);
    }

    private static ProcessBuilder command(String base, List<Requests> kinds, int warmupSeconds, int seconds)
            throws java.io.IOException {
        Path dir = Files.createTempDirectory("single-client");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SingleClient.class.getName(), base, String.valueOf(warmupSeconds), String.valueOf(seconds)));
        for (int k = 0; k < kinds.size(); k++) {
            var lines = new ArrayList<String>();
            for (Request request : kinds.get(k).each()) {
                lines.add(JSON.writeValueAsString(request));
            }
            command.add(Files.write(dir.resolve("requests" + k + ".jsonl"), lines, StandardCharsets.UTF_8).toString());
        }
        return new ProcessBuilder(command);
    }

    /** Runs a load process (this client, wrk with the benchmarks' scripts) and returns its RESULT line's values. */
    static String[] result(ProcessBuilder command) throws Exception {
        return begin(command).result();
    }

    /** What a load process printed after each RESULT, in order, once it has ended. */
    private static List<String[]> resultsOf(Process process, ProcessBuilder command) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var results = new ArrayList<String[]>();
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                results.add(line.substring(7).trim().split(" "));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException(String.join(" ", command.command()) + " printed no result:\n" + output);
        }
        return results;
    }
}
