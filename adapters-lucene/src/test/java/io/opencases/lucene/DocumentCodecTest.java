package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hit's document as the index stores it: every value kind and tags round-trip, and a selection keeps exactly the
 * wanted values, recognising ids by their UTF-8 bytes (ids of the same length, prefixes of each other, non-ASCII).
 */
class DocumentCodecTest {
    private static final CaseDocument DOCUMENT = document();

    private static CaseDocument document() {
        var values = new HashMap<String, FieldValue>();
        values.put("title", new FieldValue.StringValue("Imprimante en panne \u00e9\u00e8 \ud83d\ude00"));
        values.put("titlf", new FieldValue.StringValue("same length as title"));
        values.put("tit", new FieldValue.StringValue("a prefix of title"));
        values.put("title2", new FieldValue.StringValue("title is a prefix of it"));
        values.put("amount", new FieldValue.DoubleValue(-12.5));
        values.put("urgent", new FieldValue.BooleanValue(true));
        values.put("assignee", new FieldValue.UserArnValue("arn:aws:connect:us-east-1:1:instance/i/agent/a"));
        values.put("cleared", FieldValue.EMPTY);
        values.put("r\u00e9sum\u00e9", new FieldValue.StringValue("non-ASCII id"));
        values.put("r\u00e9sum\u00e8", new FieldValue.StringValue("non-ASCII id, same length, last byte differs"));
        return new CaseDocument("domain-1", "case-\u00e9", "template-1", values,
                Map.of("team", "blue", "\u00fcber", ""));
    }

    private static BytesRef encoded() {
        byte[] bytes = DocumentCodec.encode(DOCUMENT);
        // Not at the start of its array, as a binary doc value hands it over.
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return new BytesRef(padded, 3, bytes.length);
    }

    @Test
    void everyValueAndTagRoundTrips() {
        assertThat(DocumentCodec.decode(encoded())).isEqualTo(DOCUMENT);
        assertThat(DocumentCodec.decode(encoded(), (Set<String>) null)).isEqualTo(DOCUMENT);
    }

    @Test
    void aSelectionKeepsExactlyTheWantedValues() {
        for (Set<String> wanted : Set.of(Set.of("title"), Set.of("tit", "amount"), Set.of("title2", "cleared"),
                Set.of("r\u00e9sum\u00e9", "urgent", "assignee"), Set.of("titlf"), Set.of("absent", "title"),
                Set.<String>of())) {
            CaseDocument decoded = DocumentCodec.decode(encoded(), DocumentCodec.Selection.of(wanted));

            var expected = new HashMap<>(DOCUMENT.values());
            expected.keySet().retainAll(wanted);
            assertThat(decoded.values()).as("wanted %s", wanted).isEqualTo(expected);
            assertThat(decoded.domainId()).isEqualTo(DOCUMENT.domainId());
            assertThat(decoded.caseId()).isEqualTo(DOCUMENT.caseId());
            assertThat(decoded.templateId()).isEqualTo(DOCUMENT.templateId());
            assertThat(decoded.tags()).isEqualTo(DOCUMENT.tags());
        }
    }
}
