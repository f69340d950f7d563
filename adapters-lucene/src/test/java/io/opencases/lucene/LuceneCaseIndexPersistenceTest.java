package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-disk index: checkpoints, reopening, a corrupt directory, clear() and the bulk path. */
class LuceneCaseIndexPersistenceTest {
    private static final CaseIndex.Query ALL = new CaseIndex.Query(null, List.of(), CaseSort.DEFAULT, null, 100);

    @TempDir
    Path dir;

    private static CaseDocument doc(String caseId, String title, String updated) {
        return new CaseDocument("d", caseId, "t", Map.of("title", new FieldValue.StringValue(title),
                "amount", new FieldValue.DoubleValue(12.5), "vip", new FieldValue.BooleanValue(true),
                "owner", new FieldValue.UserArnValue("arn:aws:connect:::agent/1"),
                "last_updated_datetime", new FieldValue.StringValue(updated)), Map.of("team", "blue"));
    }

    @Test
    void aNewIndexHasNoCheckpoint() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            assertThat(index.checkpointedPosition()).isEmpty();
            assertThat(search(index, "d", ALL).totalCount()).isZero();
        }
        try (var index = new LuceneCaseIndex()) {
            assertThat(index.checkpointedPosition()).isEmpty();
        }
    }

    @Test
    void checkpointedDocumentsSurviveReopeningWholeWithTheirPosition() throws IOException {
        CaseDocument first = doc("c1", "Printer on fire", "2026-01-01T10:00:00Z");
        try (var index = LuceneCaseIndex.open(dir)) {
            index.upsert(first);
            index.upsert(doc("c2", "Laptop", "2026-01-01T09:00:00Z"));
            index.checkpoint(41);
            index.checkpoint(42);
            assertThat(index.checkpointedPosition()).isEqualTo(OptionalLong.of(42));
            // Written after the checkpoint: may or may not survive, and must not break the reopen.
            index.upsert(doc("c3", "Scanner", "2026-01-01T11:00:00Z"));
            index.remove("d", "c2");
        }
        try (var index = LuceneCaseIndex.open(dir)) {
            assertThat(index.checkpointedPosition()).isEqualTo(OptionalLong.of(42));
            var hits = search(index, "d", new CaseIndex.Query(null, List.of("print"), CaseSort.DEFAULT, null, 10));
            assertThat(hits.documents()).containsExactly(first);
            assertThat(search(index, "d", ALL).documents()).extracting(CaseDocument::caseId).contains("c1", "c2");
        }
    }

    /**
     * An index of another format (the previous release wrote format 3, with a term per text that format 4's text
     * filters no longer read) must not be searched: it opens empty and without a position, so the server rebuilds it.
     */
    @Test
    void anIndexOfAnotherFormatOpensEmptyToBeRebuilt() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            index.upsert(doc("c1", "Printer", "2026-01-01T10:00:00Z"));
            index.checkpoint(7);
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig().setIndexSort(LuceneCaseIndex.indexSort()))) {
            writer.setLiveCommitData(Map.of("opencases.format", "3", "opencases.feedPosition", "7").entrySet());
            writer.commit();
        }
        opensEmptyAndRefills();
    }

    /** The index in {@code dir} opens empty and without a position; what is written then survives a reopen. */
    private void opensEmptyAndRefills() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            assertThat(index.checkpointedPosition()).isEmpty();
            assertThat(search(index, "d", ALL).totalCount()).isZero();
            index.upsert(doc("c9", "Rebuilt", "2026-01-01T10:00:00Z"));
            index.checkpoint(8);
        }
        try (var index = LuceneCaseIndex.open(dir)) {
            assertThat(index.checkpointedPosition()).isEqualTo(OptionalLong.of(8));
            assertThat(search(index, "d", ALL).documents()).extracting(CaseDocument::caseId).containsExactly("c9");
        }
    }

    @Test
    void aCorruptIndexOpensEmptyWithoutAPosition() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            index.upsert(doc("c1", "Printer", "2026-01-01T10:00:00Z"));
            index.checkpoint(7);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.write(file, "garbage, not a Lucene file at all".repeat(20).getBytes());
                }
            }
        }
        opensEmptyAndRefills();
    }

    @Test
    void clearRemovesEverythingAndTheBulkPathRefills() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            index.upsert(doc("c1", "Printer", "2026-01-01T10:00:00Z"));
            index.upsert(new CaseDocument("other", "c1", "t", Map.of(), Map.of()));
            index.clear();
            assertThat(search(index, "d", ALL).totalCount()).isZero();
            assertThat(search(index, "other", ALL).totalCount()).isZero();

            var docs = new ArrayList<CaseDocument>();
            for (int i = 0; i < 10_000; i++) {
                docs.add(doc(id(i), "Case " + i, "2026-01-01T10:00:00Z"));
            }
            docs.add(doc(id(3), "Replaced in the same batch", "2026-01-02T10:00:00Z"));
            index.upsertAll(docs);
            index.upsertAll(List.of(doc(id(4), "Replaced by a later batch", "2026-01-03T10:00:00Z")));

            var hits = search(index, "d", new CaseIndex.Query(null, List.of(), CaseSort.DEFAULT, null, 3));
            assertThat(hits.totalCount()).isEqualTo(10_000);
            assertThat(hits.documents()).extracting(CaseDocument::caseId).containsExactly(id(4), id(3), id(0));
            assertThat(hits.documents().get(0).values().get("title"))
                    .isEqualTo(new FieldValue.StringValue("Replaced by a later batch"));
        }
    }

    /** Ids shaped like the server's (UUIDs), whose ties order as their text. */
    private static String id(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    /** Searches after a refresh, as the indexer thread makes writes visible. */
    private static CaseIndex.Hits search(LuceneCaseIndex index, String domainId, CaseIndex.Query query) {
        index.refresh();
        return index.search(domainId, query);
    }

    @Test
    void aRebuildBesideIsSwappedInAndSurvivesARestart() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            index.upsert(doc("old", "Old printer", "2026-01-01T10:00:00Z"));
            index.checkpoint(3);
            var built = index.newBeside();
            built.addNew(List.of(doc(id(1), "New printer", "2026-01-01T10:00:00Z")));
            // The live index keeps answering while the new one is built.
            assertThat(search(index, "d", ALL).documents()).extracting(CaseDocument::caseId).containsExactly("old");

            index.replaceWith(built);
            index.upsert(doc(id(2), "After the swap", "2026-01-02T10:00:00Z"));
            assertThat(search(index, "d", ALL).documents()).extracting(CaseDocument::caseId)
                    .containsExactly(id(2), id(1));
            // The swapped-in index has no checkpoint until the caller makes one.
            assertThat(index.checkpointedPosition()).isEmpty();
            index.checkpoint(9);
        }
        try (var reopened = LuceneCaseIndex.open(dir)) {
            assertThat(reopened.checkpointedPosition()).hasValue(9);
            assertThat(search(reopened, "d", ALL).documents()).extracting(CaseDocument::caseId)
                    .containsExactly(id(2), id(1));
        }
    }

    @Test
    void totalCountIsExactUpToTheCapAndTheCapBeyond() throws IOException {
        try (var index = LuceneCaseIndex.open(dir)) {
            var docs = new ArrayList<CaseDocument>();
            for (int i = 0; i < 12_000; i++) {
                docs.add(doc(id(i), i % 2 == 0 ? "Printer " + i : "Scanner " + i, "2026-01-01T10:00:00Z"));
            }
            index.addNew(docs);
            var under = new CaseIndex.Query(null, List.of("printer", "1"), CaseSort.DEFAULT, null, 5);
            var over = new CaseIndex.Query(new io.opencases.domain.search.FieldFilter.Comparison(
                    io.opencases.domain.search.FieldFilter.Operator.CONTAINS, "title",
                    new FieldValue.StringValue("e")), List.of(), CaseSort.DEFAULT, null, 5);
            // Every case: Lucene knows 12,000 without counting, but the count says what any search beyond the cap says.
            assertThat(search(index, "d", ALL).totalCount()).isEqualTo(LuceneCaseIndex.COUNT_CAP);
            // "printer" and a word starting with 1: 1, 10..19, 100..199, 1000..1999, 10000..11999, even only.
            assertThat(search(index, "d", under).totalCount()).isEqualTo(1_555);
            // Matches all 12,000, but only by looking at each: the cap.
            assertThat(search(index, "d", over).totalCount()).isEqualTo(LuceneCaseIndex.COUNT_CAP);
        }
    }
}
