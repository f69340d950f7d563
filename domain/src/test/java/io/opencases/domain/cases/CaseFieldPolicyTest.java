package io.opencases.domain.cases;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which values may be written to which fields. */
class CaseFieldPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<FieldOption> OPTIONS = List.of(new FieldOption("High", "high", true),
            new FieldOption("Old", "old", false));

    private static Field field(FieldType type) {
        return Field.custom("d", "f", "f", null, type, null, NOW);
    }

    private static FieldValue s(String value) {
        return new FieldValue.StringValue(value);
    }

    private static void ok(Field field, FieldValue value, FieldValue current) {
        assertThatCode(() -> CaseFieldPolicy.checkWrite(field, value, current, OPTIONS)).doesNotThrowAnyException();
    }

    private static void refused(Field field, FieldValue value, FieldValue current, String fragment) {
        assertThatThrownBy(() -> CaseFieldPolicy.checkWrite(field, value, current, OPTIONS))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining(fragment);
    }

    @Test
    void unionMemberMustMatchTheType() {
        ok(field(FieldType.Number), new FieldValue.DoubleValue(1), null);
        refused(field(FieldType.Number), s("1"), null, "doubleValue");
        ok(field(FieldType.Boolean), new FieldValue.BooleanValue(true), null);
        refused(field(FieldType.Boolean), s("true"), null, "booleanValue");
        ok(field(FieldType.User), new FieldValue.UserArnValue("arn:aws:connect:::agent/1"), null);
        refused(field(FieldType.User), s("bob"), null, "userArnValue");
        refused(field(FieldType.Text), new FieldValue.DoubleValue(1), null, "stringValue");
        ok(field(FieldType.Number), FieldValue.EMPTY, null);
    }

    @Test
    void textUrlAndDateTimeFormats() {
        ok(field(FieldType.Text), s("x".repeat(500)), null);
        refused(field(FieldType.Text), s("x".repeat(501)), null, "at most 500");
        ok(Field.custom("d", "f", "f", null, FieldType.Text, true, NOW), s("x".repeat(4100)), null);
        ok(field(FieldType.Url), s("https://example.com/a?b=c"), null);
        refused(field(FieldType.Url), s("ftp://example.com"), null, "URL");
        refused(field(FieldType.Url), s("example.com"), null, "URL");
        ok(field(FieldType.DateTime), s("2026-01-31T09:30:00Z"), null);
        ok(field(FieldType.DateTime), s("2026-01-31T09:30:00.123+02:00"), null);
        refused(field(FieldType.DateTime), s("2026-01-31"), null, "ISO-8601");
    }

    @Test
    void singleSelectTakesActiveOptionsOrTheValueItAlreadyHas() {
        ok(field(FieldType.SingleSelect), s("high"), null);
        refused(field(FieldType.SingleSelect), s("old"), null, "not an active option");
        ok(field(FieldType.SingleSelect), s("old"), s("old"));
        refused(field(FieldType.SingleSelect), s("other"), null, "not an active option");
    }

    @Test
    void serviceOwnedAndDeletedFields() {
        Field caseId = SystemFields.forDomain("d", NOW).stream().filter(f -> f.fieldId().equals("case_id"))
                .findFirst().orElseThrow();
        refused(caseId, s("x"), null, "maintained by the service");
        Field deleted = field(FieldType.Text).delete(NOW);
        refused(deleted, s("x"), null, "deleted");
        ok(deleted, s("x"), s("before"));
        ok(deleted, FieldValue.EMPTY, s("before"));
    }

    @Test
    void customerIdMustBeAProfileArn() {
        Field customer = SystemFields.forDomain("d", NOW).stream().filter(f -> f.fieldId().equals("customer_id"))
                .findFirst().orElseThrow();
        ok(customer, s("arn:aws:profile:us-east-1:123456789012:domains/d/profiles/p"), null);
        refused(customer, s("bob"), null, "profile ARN");
    }
}
