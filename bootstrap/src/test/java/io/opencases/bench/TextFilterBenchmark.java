package io.opencases.bench;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.FieldFilter;
import io.opencases.lucene.LuceneCaseIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text filters on the CaseIndex port, one thread, on SearchBenchmark's cases: equality on a nearly unique text
 * and on a status, a text range, {@code contains}, a date-time range, and a text range over date-times. Each shape's
 * first search (nothing cached: Lucene's query cache keeps a filter only once it repeats) and then p50/p99 of 200.
 * Written to compare the index's text filters before and after they stopped indexing a term per text, on the same
 * machine in the same session: the class compiles against either.
 *
 * <pre>
 * java -Xmx8g -cp "$(cat /tmp/cp.txt):bootstrap/target/classes:bootstrap/target/test-classes" \
 *     io.opencases.bench.TextFilterBenchmark 1000000 /tmp/textfilter-index
 * </pre>
 * Arguments: cases, and optionally a directory to keep the index in on disk (as a server on PostgreSQL does; it is
 * emptied first), whose size after the merges is printed; without it the index lives in memory.
 */
public final class TextFilterBenchmark {
    private static final int RUNS = 200;

    private TextFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> fieldIds = List.of("n0", "n1", "n2", "n3", "t4", "t5", "t6", "t7", "t8", "d9");
        java.nio.file.Path path = args.length > 1 ? java.nio.file.Path.of(args[1]) : null;
        if (path != null && java.nio.file.Files.exists(path)) {
            try (var files = java.nio.file.Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        try (var index = path == null ? new LuceneCaseIndex() : LuceneCaseIndex.open(path)) {
            long start = System.nanoTime();
            var page = new ArrayList<CaseDocument>(1000);
            for (CaseDocument document : SearchBenchmark.documents("d", "t", fieldIds, cases)) {
                page.add(document);
                if (page.size() == 1000) {
                    index.addNew(page);
                    page = new ArrayList<>(1000);
                }
            }
            index.addNew(page);
            index.refresh();
            index.awaitMerges();
            System.out.printf("%,d cases indexed and merged in %.1f s; segments %s%n", cases,
                    (System.nanoTime() - start) / 1e9, index.segmentSizes());
            if (path != null) {
                index.checkpoint(0);
                long bytes;
                try (var files = java.nio.file.Files.walk(path)) {
                    bytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf("index on disk: %,.1f MB for %,d cases%n", bytes / 1e6, cases);
            }
            System.gc();

            String middle = String.format("%08d", cases / 2);
            String stamp = java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(cases / 2).toString();
            Map<String, FieldFilter> shapes = new LinkedHashMap<>();
            shapes.put("equalTo a nearly unique text (reference_number)", compare(FieldFilter.Operator.EQUAL_TO,
                    "reference_number", middle));
            shapes.put("equalTo a status (3 cases in 4)", compare(FieldFilter.Operator.EQUAL_TO, "status", "open"));
            shapes.put("equalTo a long text (customer_id, 1,000 values)", compare(FieldFilter.Operator.EQUAL_TO,
                    "customer_id", "arn:aws:profile:us-east-1:000000000000:domains/d/profiles/p7"));
            shapes.put("text range, half the cases (reference_number >= middle)",
                    compare(FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO, "reference_number", middle));
            shapes.put("text range, 1 in 1,000 (reference_number < 0000xxxx)",
                    compare(FieldFilter.Operator.LESS_THAN, "reference_number", String.format("%08d", cases / 1000)));
            shapes.put("date-time range, half the cases", compare(FieldFilter.Operator.GREATER_THAN,
                    "created_datetime", stamp));
            shapes.put("contains in a 3-word text (t4 contains \"bat\")", compare(FieldFilter.Operator.CONTAINS,
                    "t4", "bat"));
            shapes.put("contains in a unique text (case_id contains \"abc\")", compare(FieldFilter.Operator.CONTAINS,
                    "case_id", "abc"));
            shapes.put("text bound on date-times (created_datetime > \"2026-01-05\")",
                    compare(FieldFilter.Operator.GREATER_THAN, "created_datetime", "2026-01-05"));
            System.out.println("| filter | matches | first search | p50 | p99 |");
            System.out.println("|---|---|---|---|---|");
            for (var shape : shapes.entrySet()) {
                var query = new CaseIndex.Query(shape.getValue(), List.of(), CaseSort.DEFAULT, null, 25);
                long t = System.nanoTime();
                long total = index.search("d", query).totalCount();
                double first = (System.nanoTime() - t) / 1e6;
                var samples = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    t = System.nanoTime();
                    index.search("d", query);
                    samples[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(samples);
                System.out.printf("| %s | %,d | %.2f ms | %.2f ms | %.2f ms |%n", shape.getKey(), total, first,
                        samples[RUNS / 2], samples[(int) (RUNS * 0.99)]);
            }
        }
    }

    private static FieldFilter compare(FieldFilter.Operator operator, String fieldId, String text) {
        return new FieldFilter.Comparison(operator, fieldId, new FieldValue.StringValue(text));
    }
}
