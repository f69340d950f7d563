package io.opencases.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client in its own JVM: POSTs one body to the given paths (a random one each time), one request after the
 * other, and prints each request's own latency at p50, p99, p99.9 and the maximum. The benchmarks start it as a
 * separate process, so no load runs in the server's JVM.
 *
 * <p>Why not wrk for this: wrk corrects its latencies for coordinated omission (it adds, for each slow response, the
 * responses a constant-rate client would have waited for), so with one connection answering in 0.1 ms one 20 ms
 * stall puts 200 samples into its histogram: its p99 there measured 22 ms for a GetCase whose every request but a
 * handful took under 1.4 ms, in the server's log as here. A single client's p99 is the latency of its requests.
 *
 * <pre>java -cp ... io.opencases.bench.SingleClient http://127.0.0.1:8080 paths.txt body.json 10 20</pre>
 * Arguments: base URL, a file of paths (one per line), a file with the JSON body, warm-up seconds, timed seconds
 * (0: until its standard input closes, which is how {@link #start} lets a benchmark stop it when its own work ends).
 */
public final class SingleClient {
    private SingleClient() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(p -> !p.isBlank()).toList();
        String body = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
        long timed = Long.parseLong(args[4]) * 1_000_000_000L;
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
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var requests = paths.stream().map(p -> HttpRequest.newBuilder(URI.create(base + p))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).toList();
        long[] samples = new long[1 << 20];
        int n = 0;
        long failures = 0;
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
            var request = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
            long t = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            long took = System.nanoTime() - t;
            if (status != 200) {
                failures++;
            }
            if (!answered) {
                // For Running.awaitAnswer: the JVM is up and the server answers.
                answered = true;
                System.out.println("ANSWERED");
                System.out.flush();
            }
            if (timing) {
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = took;
            }
        }
        Arrays.sort(samples, 0, n);
        System.out.printf("RESULT %d %.3f %.3f %.3f %.3f %d%n", n, samples[n / 2] / 1e6,
                samples[(int) (n * 0.99)] / 1e6, samples[(int) (n * 0.999)] / 1e6, samples[n - 1] / 1e6, failures);
    }

    /**
     * Runs the client as a separate JVM on this JVM's class path and returns what it printed after RESULT:
     * requests, p50, p99, p99.9, max (ms) and failures.
     */
    static String[] run(String base, List<String> paths, String body, int warmupSeconds, int seconds)
            throws Exception {
        return result(command(base, paths, body, warmupSeconds, seconds));
    }

    /**
     * Starts the client as a separate JVM that runs until {@link Running#stop()}: for load that lasts as long as
     * something the benchmark times (a rebuild), with no warm-up.
     */
    static Running start(String base, List<String> paths, String body) throws Exception {
        var command = command(base, paths, body, 0, 0);
        return new Running(command.redirectErrorStream(true).start(), command);
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
            return resultOf(process, command);
        }
    }

    private static ProcessBuilder command(String base, List<String> paths, String body, int warmupSeconds,
                                          int seconds) throws java.io.IOException {
        Path dir = Files.createTempDirectory("single-client");
        Path pathFile = Files.write(dir.resolve("paths.txt"), paths, StandardCharsets.UTF_8);
        Path bodyFile = Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SingleClient.class.getName(), base, pathFile.toString(), bodyFile.toString(),
                String.valueOf(warmupSeconds), String.valueOf(seconds));
    }

    /** Runs a load process (this client, wrk with the benchmarks' scripts) and returns its RESULT line's values. */
    static String[] result(ProcessBuilder command) throws Exception {
        return resultOf(command.redirectErrorStream(true).start(), command);
    }

    private static String[] resultOf(Process process, ProcessBuilder command) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                return line.substring(7).trim().split(" ");
            }
        }
        throw new IllegalStateException(String.join(" ", command.command()) + " printed no result:\n" + output);
    }
}
