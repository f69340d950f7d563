package io.opencases.lucene;

import io.opencases.application.port.CaseIndex;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merges that finish after the last refresh reach the searches when the indexer is idle
 * ({@code showCompletedMerges}), and that never shows a write that no refresh has published.
 */
class LuceneCompletedMergesTest {
    private static final String DOMAIN = "d";

    private static CaseDocument aCase(int n) {
        return new CaseDocument(DOMAIN, UUID.randomUUID().toString(), "t",
                Map.of("title", new FieldValue.StringValue("case " + n), "amount", new FieldValue.DoubleValue(n)),
                Map.of());
    }

    private static long total(LuceneCaseIndex index) {
        return index.search(DOMAIN, new CaseIndex.Query(null, List.of(), List.of(new CaseSort("amount", true)),
                null, 1)).totalCount();
    }

    @Test
    void finishedMergesBecomeVisibleButUnpublishedWritesDoNot() throws Exception {
        try (var index = new LuceneCaseIndex()) {
            // Twelve refreshes, twelve small segments (Lucene's own merges may join some of them meanwhile).
            for (int segment = 0; segment < 12; segment++) {
                for (int i = 0; i < 20; i++) {
                    index.upsert(aCase(segment * 20 + i));
                }
                index.refresh();
            }
            // Written, not published: a refresh now would flush it; this one does nothing while a write is buffered.
            index.upsert(aCase(1_000));
            index.showCompletedMerges();
            assertThat(total(index)).isEqualTo(240);

            index.refresh();
            index.mergeToOneSegment();
            assertThat(index.segmentSizes()).as("the searches' reader before").hasSizeGreaterThan(1);

            index.showCompletedMerges();

            assertThat(index.segmentSizes()).containsExactly(241);
            assertThat(total(index)).isEqualTo(241);
        }
    }
}
