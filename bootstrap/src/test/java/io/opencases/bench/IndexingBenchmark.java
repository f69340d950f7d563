package io.opencases.bench;

import io.opencases.application.Quotas;
import io.opencases.application.port.CaseIndex;
import io.opencases.bootstrap.Main;
import io.opencases.bootstrap.OpenCasesServer;
import io.opencases.bootstrap.ServerComponent;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.domain.cases.Case;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SearchTerms;
import io.opencases.lucene.LuceneCaseIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bulk indexing and rebuild, on their own (SearchBenchmark times the queries). In one run:
 * <ol>
 *   <li><b>raw Lucene</b> (the ceiling): the benchmark's documents, already turned into Lucene documents by the
 *   adapter before the clock starts, added by two threads to an IndexWriter on disk with the index's own sort and
 *   committed: what Lucene itself costs for these fields on this machine;</li>
 *   <li><b>bulk through the port</b>: the same case documents given to {@code CaseIndex.addNew} of an on-disk
 *   {@link LuceneCaseIndex} in pages of 1,000, from one thread and from two, then a checkpoint (commit);</li>
 *   <li><b>rebuild</b>: a server whose store (memory, or an embedded PostgreSQL) holds N cases; its index rebuilt
 *   from the store once with nothing else running, then again while one client, a JVM of its own, searches over
 *   HTTP all along (every search must be answered).</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q -o -pl bootstrap -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * flock /work/bench.lock java -Xmx8g -cp "$(cat bootstrap/target/bench.classpath):bootstrap/target/classes:bootstrap/target/test-classes" \
 *     io.opencases.bench.IndexingBenchmark 100000 memory 100000
 * </pre>
 * Arguments: cases in the store for the rebuild, the store ({@code memory} or {@code embedded}), and how many of
 * them the bulk figures use (0 skips them).
 */
public final class IndexingBenchmark {
    private static final int PAGE = 1000;

    private IndexingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String storage = args.length > 1 ? args[1] : "memory";
        int bulk = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(cases, 100_000);
        System.out.printf("cores %d, max heap %,d MB, load %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        if (bulk > 0) {
            List<String> fieldIds = List.of("n0", "n1", "n2", "n3", "t4", "t5", "t6", "t7", "t8", "d9");
            var documents = new ArrayList<CaseDocument>(bulk);
            long[] start = now();
            SearchBenchmark.documents("bench-domain", "bench-template", fieldIds, bulk).forEach(documents::add);
            report("case documents made (the producer alone)", bulk, start);
            // A first pass over a fifth of them compiles the paths (its lines are marked warm-up).
            var warmUp = documents.subList(0, bulk / 5);
            rawLucene(warmUp, "warm-up: ");
            viaPort(warmUp, 2, "warm-up: ");
            viaPort(documents, 1, "");
            viaPort(documents, 2, "");
            rawLucene(documents, "");
            viaPort(documents, 2, "again: ");
        }
        rebuild(cases, storage);
    }

    /** The ceiling: Lucene's own cost for the prebuilt documents, two threads, the index's sort, committed. */
    private static void rawLucene(List<CaseDocument> cases, String label) throws Exception {
        var lucene = new ArrayList<Document>(cases.size());
        cases.forEach(c -> lucene.add(LuceneCaseIndex.luceneDocument(c)));
        Path dir = Files.createTempDirectory("opencases-raw");
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig().setIndexSort(LuceneCaseIndex.indexSort())
                     .setRAMBufferSizeMB(256))) {
            long[] start = now();
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < 2; t++) {
                int from = t * lucene.size() / 2;
                int to = (t + 1) * lucene.size() / 2;
                var thread = new Thread(() -> {
                    try {
                        for (int i = from; i < to; i++) {
                            writer.addDocument(lucene.get(i));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            writer.commit();
            report(label + "raw Lucene, prebuilt documents, 2 threads, on disk, committed (ceiling)", cases.size(), start);
        } finally {
            delete(dir);
        }
    }

    /** The documents given to the port's bulk path in pages, from {@code threads} threads, then a checkpoint. */
    private static void viaPort(List<CaseDocument> cases, int threads, String label) throws Exception {
        Path dir = Files.createTempDirectory("opencases-bulk");
        try (var index = LuceneCaseIndex.open(dir)) {
            long[] start = now();
            var next = new java.util.concurrent.atomic.AtomicInteger();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                var worker = new Thread(() -> {
                    for (int from = next.getAndAdd(PAGE); from < cases.size(); from = next.getAndAdd(PAGE)) {
                        index.addNew(cases.subList(from, Math.min(cases.size(), from + PAGE)));
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            index.checkpoint(1);
            report(label + "CaseIndex.addNew, pages of 1,000, " + threads + " thread(s), on disk, committed", cases.size(),
                    start);
            index.refresh();
            if (index.documentCount() != cases.size()) {
                throw new IllegalStateException("indexed " + index.documentCount() + " of " + cases.size());
            }
        } finally {
            delete(dir);
        }
    }

    private static void rebuild(int cases, String storage) throws Exception {
        Path dataDir = Files.createTempDirectory("opencases-rebuild");
        var base = new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.MEMORY, "us-east-1", "000000000000", false,
                List.of(), false, new Quotas(10, 500, 500, 100, 100, 100, 100), ServerConfig.Events.DEFAULT);
        OpenCasesServer database = null;
        ServerConfig config = base;
        if (storage.equals("embedded")) {
            // The embedded database comes up with a server of its own; the measured server shares it (its own
            // component, index and pools), so the benchmark can reach the component's store and maintenance.
            database = Main.start(new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.EMBEDDED, "us-east-1",
                    "000000000000", false, List.of(), false, base.quotas(), ServerConfig.Events.DEFAULT,
                    new ServerConfig.Database(null, null, null, dataDir.resolve("db"), 8, false)));
            config = new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.POSTGRES, "us-east-1", "000000000000",
                    false, List.of(), false, base.quotas(), ServerConfig.Events.DEFAULT,
                    new ServerConfig.Database(database.jdbcUrl(), "postgres", null, dataDir.resolve("server"), 16,
                            false));
        }
        ServerComponent component = Main.component(config);
        OpenCasesServer server = Main.start(component);
        String[] searches;
        try {
            var http = HttpClient.newHttpClient();
            String url = "http://127.0.0.1:" + server.port();
            var bench = BenchDomain.create(http, url, "Number", "Number", "Number", "Number", "Text", "Text",
                    "Text", "Text", "Text", "DateTime");
            String domainId = bench.domainId();
            long[] start = now();
            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            var page = new ArrayList<Case>(PAGE);
            int i = 0;
            for (CaseDocument d : SearchBenchmark.documents(domainId, bench.templateId(), bench.fieldIds(), cases)) {
                page.add(new Case(domainId, d.caseId(), d.templateId(), d.values(), created.plusSeconds(i++)));
                if (page.size() == PAGE || i == cases) {
                    var saving = List.copyOf(page);
                    component.unitOfWork().write(() -> {
                        saving.forEach(component.caseRepository()::save);
                        return null;
                    });
                    page.clear();
                }
            }
            report("store loaded (" + storage + ", not indexed)", cases, start);

            start = now();
            long rebuilt = component.indexMaintenance().rebuild();
            report("rebuild from the " + storage + " store, nothing else running", rebuilt, start);

            var query = new CaseIndex.Query(null, SearchTerms.words("printer bat"), CaseSort.DEFAULT, null, 26);
            component.caseIndex().refresh();
            long totalBefore = component.caseIndex().search(domainId, query).totalCount();
            // The searching client is a process of its own (no load runs in the server's JVM); it searches one
            // request after the other from before the rebuild starts until it has ended.
            var client = SingleClient.start(url, List.of("/domains/" + domainId + "/cases-search"),
                    "{\"maxResults\":25,\"searchTerm\":\"printer bat\"}");
            try {
                client.awaitAnswer();
                start = now();
                rebuilt = component.indexMaintenance().rebuild();
                report("rebuild from the " + storage + " store, one client searching over HTTP", rebuilt, start);
            } finally {
                searches = client.stop();
            }
            component.caseIndex().refresh();
            long totalAfter = component.caseIndex().search(domainId, query).totalCount();
            System.out.printf("  searches during it (a separate JVM, from just before the rebuild until after it): %,d "
                    + "answered, %s failed, p50 %s ms, p99 %s ms, slowest %s ms; searchTerm total %,d before, %,d "
                    + "after; load %s%n", Long.parseLong(searches[0]), searches[5], searches[1], searches[2],
                    searches[4], totalBefore, totalAfter, loadAverage());
        } finally {
            server.stop(1000);
            if (database != null) {
                database.stop(1000);
            }
            delete(dataDir);
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();

    /** Wall-clock and this process's CPU time (all its threads, GC included), in nanoseconds; GC pauses in ms. */
    private static long[] now() {
        return new long[]{System.nanoTime(), OS.getProcessCpuTime(), SearchBenchmark.gcPauses()[1]};
    }

    /**
     * The rate by the clock, and by the CPU this process spent: on a machine shared with other builds the clock
     * rate says how much CPU we were given; cases per CPU-second (× 2 for what two idle cores would do, if the
     * work spreads over both) does not depend on it. The GC pauses stopped every thread for that long (a 1M rebuild
     * on the memory store spends about a ninth of its time in them).
     */
    private static void report(String what, long count, long[] start) {
        long[] end = now();
        double seconds = (end[0] - start[0]) / 1e9;
        double cpu = (end[1] - start[1]) / 1e9;
        System.out.printf("%-78s %,9d cases in %6.1f s = %,7.0f cases/s | CPU %6.1f s = %,7.0f cases per CPU-s "
                + "| GC pauses %.1f s (load %s)%n", what, count, seconds, count / seconds, cpu, count / cpu,
                (end[2] - start[2]) / 1e3, loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
