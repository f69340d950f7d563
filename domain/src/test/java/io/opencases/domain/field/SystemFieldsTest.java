package io.opencases.domain.field;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The System field catalogue every domain is seeded with, and which of its fields and options are protected. */
class SystemFieldsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> IDS = List.of("case_id", "title", "customer_id", "status", "case_reason",
            "summary", "reference_number", "created_datetime", "last_updated_datetime", "last_closed_datetime",
            "last_reopened_datetime", "next_sla_breach_datetime", "last_updated_user", "assigned_user",
            "assigned_queue", "reference_id");

    private static Field seeded(String fieldId) {
        return SystemFields.forDomain("d1", NOW).stream().filter(f -> f.fieldId().equals(fieldId)).findFirst()
                .orElseThrow();
    }

    @Test
    void catalogueHasTheFifteenDocumentedIdsAndTheReferenceId() {
        List<Field> fields = SystemFields.forDomain("d1", NOW);

        assertThat(SystemFields.COUNT).isEqualTo(16);
        assertThat(fields).extracting(Field::fieldId).containsExactlyElementsOf(IDS);
    }

    @Test
    void seededFieldsAreLiveSystemFieldsOfTheDomain() {
        assertThat(SystemFields.forDomain("d1", NOW)).allSatisfy(f -> {
            assertThat(f.domainId()).isEqualTo("d1");
            assertThat(f.namespace()).isEqualTo(FieldNamespace.System);
            assertThat(f.deleted()).isFalse();
            assertThat(f.multiline()).isNull();
            assertThat(f.createdTime()).isEqualTo(NOW);
            assertThat(f.lastModifiedTime()).isEqualTo(NOW);
        });
    }

    @Test
    void seededFieldsHaveTheDocumentedTypes() {
        assertThat(seeded("status").type()).isEqualTo(FieldType.SingleSelect);
        assertThat(seeded("case_reason").type()).isEqualTo(FieldType.SingleSelect);
        assertThat(seeded("summary").type()).isEqualTo(FieldType.Text);
        assertThat(seeded("created_datetime").type()).isEqualTo(FieldType.DateTime);
        assertThat(seeded("assigned_user").type()).isEqualTo(FieldType.User);
        assertThat(seeded("title").name()).isEqualTo("Title");
    }

    @Test
    void statusShipsWithActiveOpenAndClosedOptions() {
        assertThat(SystemFields.STATUS_OPTIONS).containsExactly(new FieldOption("Open", "open", true),
                new FieldOption("Closed", "closed", true));
    }

    @Test
    void serviceOwnedFieldsAreTheOnesOnlyTheServerWrites() {
        assertThat(IDS.stream().filter(SystemFields::isServiceOwned)).containsExactlyInAnyOrder("case_id",
                "reference_number", "reference_id", "created_datetime", "last_updated_datetime", "last_closed_datetime",
                "last_reopened_datetime", "next_sla_breach_datetime", "last_updated_user");
        assertThat(SystemFields.isServiceOwned("some-custom-field")).isFalse();
    }

    @Test
    void onlyTitleAndStatusAreKeptOutOfLayouts() {
        assertThat(IDS.stream().filter(SystemFields::isLayoutExcluded)).containsExactlyInAnyOrder("title", "status");
    }

    @Test
    void onlyTheShippedStatusOptionsAreProtected() {
        assertThat(SystemFields.isProtectedOption("status", "open")).isTrue();
        assertThat(SystemFields.isProtectedOption("status", "closed")).isTrue();
        assertThat(SystemFields.isProtectedOption("status", "pending")).isFalse();
        assertThat(SystemFields.isProtectedOption("case_reason", "open")).isFalse();
    }
}
