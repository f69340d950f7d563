package io.opencases.domain.merge;

import io.opencases.domain.DomainException;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which merges may start, and what applying one changes. */
class CaseMergeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:1:domains/d/profiles/a";

    private static Case aCase(String id, Map<String, String> values) {
        var typed = new HashMap<String, FieldValue>();
        values.forEach((k, v) -> typed.put(k, new FieldValue.StringValue(v)));
        typed.putIfAbsent("status", new FieldValue.StringValue("open"));
        return new Case("d", id, "t", typed, T0);
    }

    private static Map<String, Field> defs(String... ids) {
        var map = new HashMap<String, Field>();
        for (String id : ids) {
            map.put(id, Field.custom("d", id, "name " + id, null, FieldType.Text, null, T0));
        }
        return map;
    }

    private static RelatedItem item(String caseId, String id, RelatedItemContent content) {
        return new RelatedItem("d", caseId, id, content, T0.plusSeconds(id.hashCode() & 0xff),
                new CaseUser.CustomEntity("creator of " + id), null);
    }

    private static MergeJob job(List<String> fields, List<RelatedItemType> types) {
        return new MergeJob("1", "d", "m-1", "p", "s", fields, types, MergeStatus.IN_PROGRESS, "arn:iam", T0, null);
    }

    @Test
    void theDocumentedRefusals() {
        Case p = aCase("p", Map.of("customer_id", CUSTOMER));
        Case s = aCase("s", Map.of("notes", "n"));
        assertThatThrownBy(() -> CaseMerge.check(p, p, List.of(), Map.of())).hasMessageContaining("itself");
        assertThatThrownBy(() -> CaseMerge.check(aCase("p", Map.of("status", "closed")), s, List.of(), Map.of()))
                .hasMessageContaining("caseId").hasMessageContaining("closed");
        assertThatThrownBy(() -> CaseMerge.check(p, aCase("s", Map.of("status", "closed")), List.of(), Map.of()))
                .hasMessageContaining("secondaryCaseId").hasMessageContaining("closed");
        assertThatThrownBy(() -> CaseMerge.check(p, aCase("s", Map.of("customer_id", CUSTOMER + "x")), List.of(),
                Map.of())).isInstanceOf(DomainException.Invalid.class).hasMessageContaining("customer");
        assertThatThrownBy(() -> CaseMerge.check(p, s, List.of("notes", "notes"), defs("notes")))
                .hasMessageContaining("once");
        assertThatThrownBy(() -> CaseMerge.check(p, s, List.of("other"), defs("other")))
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> CaseMerge.check(p, s, List.of("ghost"), Map.of())).hasMessageContaining("ghost");
        assertThatThrownBy(() -> CaseMerge.check(p, aCase("s", Map.of("case_id", "s")), List.of("case_id"),
                defs("case_id"))).hasMessageContaining("cannot be merged");

        CaseMerge.check(p, s, List.of("notes"), defs("notes"));
        CaseMerge.check(aCase("p", Map.of()), aCase("s", Map.of("customer_id", CUSTOMER)), List.of(), Map.of());
    }

    @Test
    void tooManyValuesOnThePrimaryAfterwardsIsRefused() {
        var many = new HashMap<String, String>();
        for (int i = 0; i < CaseMerge.MAX_FIELD_VALUES - 1; i++) {
            many.put("f" + i, "v");
        }
        Case p = aCase("p", many); // 499 values and status
        Case s = aCase("s", Map.of("extra", "x"));
        assertThatThrownBy(() -> CaseMerge.check(p, s, List.of("extra"), defs("extra")))
                .hasMessageContaining("501");
    }

    @Test
    void applyingMovesChosenValuesAndItemsAndClosesTheSecondary() {
        Case p = aCase("p", Map.of("title", "primary", "notes", "old"));
        Case s = aCase("s", Map.of("title", "secondary", "notes", "new", "summary", "not chosen"));
        var comment = item("s", "c1", new RelatedItemContent.Comment("hi", "Text/Plain"));
        var file = item("s", "f1", new RelatedItemContent.File("arn:file"));
        var contactP = item("p", "k1", new RelatedItemContent.Contact("arn:contact", "VOICE", T0));
        var contactS = item("s", "k2", new RelatedItemContent.Contact("arn:contact", "VOICE", T0));
        var linkP = item("p", "l1", new RelatedItemContent.ConnectCase("z"));
        var linkS = item("s", "l2", new RelatedItemContent.ConnectCase("z"));
        var linkBack = item("s", "l3", new RelatedItemContent.ConnectCase("p"));
        var linkNew = item("s", "l4", new RelatedItemContent.ConnectCase("y"));

        CaseMerge.Plan plan = CaseMerge.plan(job(List.of("notes"), List.of(RelatedItemType.Comment,
                        RelatedItemType.Contact, RelatedItemType.ConnectCase)), p, s, List.of(contactP, linkP),
                List.of(comment, file, contactS, linkS, linkBack, linkNew), "2026-01-02T00:00:00Z");

        assertThat(plan.primaryValues()).containsEntry("notes", new FieldValue.StringValue("new"))
                .containsEntry("title", new FieldValue.StringValue("primary")).doesNotContainKey("summary")
                .containsEntry("last_updated_datetime", new FieldValue.StringValue("2026-01-02T00:00:00Z"));
        assertThat(plan.secondaryValues()).containsEntry("status", new FieldValue.StringValue("closed"))
                .containsEntry("last_closed_datetime", new FieldValue.StringValue("2026-01-02T00:00:00Z"));
        assertThat(plan.moves()).extracting(m -> m.from().relatedItemId()).containsExactly("c1", "l4");
        CaseMerge.Move moved = plan.moves().get(0);
        assertThat(moved.to()).isEqualTo(new RelatedItem("d", "p", "c1", comment.content(),
                comment.associationTime(), comment.createdBy(), null));
        assertThat(plan.contactDuplicates()).singleElement()
                .isEqualTo(new CaseMerge.ContactDuplicate(contactS, contactP));
        assertThat(plan.dropped()).containsExactly(linkS);
        assertThat(plan.linkPrimary()).isTrue();
        assertThat(plan.linkSecondary()).as("the secondary already links to the primary").isFalse();
    }

    @Test
    void typesNotChosenStayOnTheSecondary() {
        Case p = aCase("p", Map.of());
        Case s = aCase("s", Map.of());
        var comment = item("s", "c1", new RelatedItemContent.Comment("hi", "Text/Plain"));
        CaseMerge.Plan plan = CaseMerge.plan(job(List.of(), List.of()), p, s, List.of(), List.of(comment), "x");
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.linkPrimary()).isTrue();
        assertThat(plan.linkSecondary()).isTrue();
    }
}
