package io.opencases.jdbc;

import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldNamespace;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.layout.FieldGroup;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.layout.LayoutPanel;
import io.opencases.domain.relateditem.CustomValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.BooleanCondition.Operands;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.template.TagPropagation;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateRule;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored domain record survives the trip to a JSON document and through a JSONB column unchanged: nanosecond
 * instants, every value kind, nulls apart from empty lists, nested conditions.
 */
class DocumentsTest {
    private static final Instant NANOS = Instant.parse("2026-01-02T03:04:05.123456789Z");
    private static final CaseUser USER = new CaseUser.UserArn("arn:aws:connect:us-east-1:1:instance/i/agent/a");

    static Stream<Object> records() {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        values.put("text", new FieldValue.StringValue("Ünïcødé ✓ \"quoted\" \\ back\nslash"));
        values.put("empty_text", new FieldValue.StringValue(""));
        values.put("double", new FieldValue.DoubleValue(0.1));
        values.put("integral", new FieldValue.DoubleValue(42));
        values.put("big", new FieldValue.DoubleValue(1.7976931348623157E308));
        values.put("tiny", new FieldValue.DoubleValue(4.9E-324));
        values.put("negative", new FieldValue.DoubleValue(-12.5));
        values.put("negativeZero", new FieldValue.DoubleValue(-0.0));
        values.put("nan", new FieldValue.DoubleValue(Double.NaN));
        values.put("infinity", new FieldValue.DoubleValue(Double.NEGATIVE_INFINITY));
        values.put("true", new FieldValue.BooleanValue(true));
        values.put("false", new FieldValue.BooleanValue(false));
        values.put("user", new FieldValue.UserArnValue("arn:aws:connect:::agent/b"));
        var aCase = new Case("d", "c", "t", values, NANOS);
        var conditions = List.<BooleanCondition>of(new BooleanCondition.OrAll(List.of(
                new BooleanCondition.EqualTo(new Operands("a", new FieldValue.DoubleValue(4.5), true)),
                new BooleanCondition.NotEqualTo(new Operands("b", FieldValue.EMPTY, false)),
                new BooleanCondition.AndAll(List.of()))));
        return Stream.of(
                aCase,
                new CasesDomain("123456789012", "d", "Support", DomainStatus.CreationInProgress, NANOS),
                new CaseEventConfiguration(true, List.of(), false),
                new CaseEventConfiguration(false, null, null),
                new Field("d", "f", "Name", null, FieldType.Text, FieldNamespace.System, null, false, NANOS, NANOS),
                new Field("d", "f", "Name", "", FieldType.Text, FieldNamespace.Custom, true, true, NANOS, NANOS),
                new Layout("d", "l", "Layout", new LayoutContent(new LayoutPanel(List.of(new FieldGroup(null,
                        List.of("a")), new FieldGroup("G", List.of()))), null), false, NANOS, NANOS),
                new Template("d", "t", "Template", null, null, List.of("a"), TemplateStatus.Inactive,
                        List.of(new TemplateRule("r", null)), List.of(new TagPropagation("Cases", Map.of("k", ""))),
                        true, NANOS, NANOS),
                new CaseRule("d", "r", "Rule", null, new CaseRuleDetails.Hidden(true, conditions), false, NANOS,
                        NANOS),
                new CaseRule("d", "r", "Rule", "x", new CaseRuleDetails.FieldOptions("p", "c", List.of(
                        new CaseRuleDetails.OptionMapping("a", List.of("b")))), false, NANOS, NANOS),
                new RelatedItem("d", "c", "i", new RelatedItemContent.Sla("s", "status",
                        List.of(new FieldValue.StringValue("closed"), new FieldValue.BooleanValue(true)), NANOS,
                        null), NANOS, null, USER),
                new RelatedItem("d", "c", "i", new RelatedItemContent.Custom(List.of(new CustomValue("f",
                        FieldValue.EMPTY))), NANOS, new CaseUser.CustomEntity("job"), null),
                new AuditEvent("e", "d", "c", AuditEventType.RELATED_ITEM_DELETED, "Comment", NANOS, List.of(
                        new AuditEvent.Change("f", null, FieldValue.EMPTY)), null, "arn:aws:iam::1:root"),
                new CaseEvent("e", "1", "us-east-1", "d", "c", CaseEvent.RELATED_ITEM_UPDATED, NANOS, List.of("a"),
                        List.of(), List.of("comment.body"), null, "p",
                        new CaseEvent.CaseSnapshot("c", "t", NANOS, values),
                        new CaseEvent.RelatedItemSnapshot("Contact", "i", "c", NANOS,
                                new RelatedItemContent.Contact("arn:contact", "VOICE", NANOS))),
                new CaseEvent("e", "1", "us-east-1", "d", "c", CaseEvent.CASE_DELETED, NANOS, List.of(), List.of(),
                        List.of(), null, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTripsThroughJson(Object record) {
        assertThat(Documents.read(Documents.write(record), record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTripsThroughAJsonbColumn(Object record) {
        String stored = TestDatabase.storage().jdbi().withHandle(h -> h.createQuery(
                        "SELECT CAST(CAST(:doc AS jsonb) AS text)")
                .bind("doc", Documents.write(record))
                .mapTo(String.class)
                .one());

        assertThat(Documents.read(stored, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void typeIdsAreTheStoredNamesNotClassNames(Object record) {
        assertThat(Documents.write(record)).doesNotContain("io.opencases").doesNotContain("\"system\"")
                .doesNotContain("\"open\"");
    }

}
