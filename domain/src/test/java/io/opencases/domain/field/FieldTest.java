package io.opencases.domain.field;

import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field invariants: text attributes only on Text, System fields fixed, deleted fields frozen, value lengths. */
class FieldTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-01T00:00:00Z");

    private static Field text(Boolean multiline) {
        return Field.custom("d1", "f1", "Notes", "Free text", FieldType.Text, multiline, CREATED);
    }

    private static Field system(String fieldId) {
        return SystemFields.forDomain("d1", CREATED).stream().filter(f -> f.fieldId().equals(fieldId)).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = FieldType.class, names = "Text", mode = EnumSource.Mode.EXCLUDE)
    void rejectsTextAttributesOnOtherTypes(FieldType type) {
        assertThatThrownBy(() -> Field.custom("d1", "f1", "Other", null, type, false, CREATED))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining(type.name());
    }

    @Test
    void acceptsTextAttributesOnTextFields() {
        assertThat(text(true).multiline()).isTrue();
        assertThat(text(false).multiline()).isFalse();
        assertThat(text(null).multiline()).isNull();
    }

    @Test
    void updateCannotAddTextAttributesToAnotherType() {
        var number = Field.custom("d1", "f1", "Score", null, FieldType.Number, null, CREATED);

        assertThatThrownBy(() -> number.update(null, null, true, LATER)).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> Field.custom("d1", "f1", " ", null, FieldType.Text, null, CREATED))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void customFieldsAreLiveAndCustom() {
        var field = text(null);

        assertThat(field.namespace()).isEqualTo(FieldNamespace.Custom);
        assertThat(field.isSystem()).isFalse();
        assertThat(field.deleted()).isFalse();
        assertThat(field.id()).isEqualTo("f1");
        assertThat(field.lastModifiedTime()).isEqualTo(CREATED);
    }

    @Test
    void systemFieldsCannotBeUpdated() {
        var status = system(SystemFields.STATUS);

        assertThat(status.isSystem()).isTrue();
        assertThatThrownBy(() -> status.update("State", null, null, LATER))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("status");
    }

    @Test
    void systemFieldsCannotBeDeleted() {
        assertThatThrownBy(() -> system(SystemFields.SUMMARY).delete(LATER))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("summary");
    }

    @Test
    void deletedFieldCannotBeUpdated() {
        var deleted = text(null).delete(LATER);

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.lastModifiedTime()).isEqualTo(LATER);
        assertThatThrownBy(() -> deleted.update("Renamed", null, null, LATER))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("deleted");
    }

    @Test
    void updateKeepsWhatIsNotGivenAndNeverChangesTheType() {
        var updated = text(true).update("Comments", null, null, LATER);

        assertThat(updated.name()).isEqualTo("Comments");
        assertThat(updated.description()).isEqualTo("Free text");
        assertThat(updated.multiline()).isTrue();
        assertThat(updated.type()).isEqualTo(FieldType.Text);
        assertThat(updated.createdTime()).isEqualTo(CREATED);
        assertThat(updated.lastModifiedTime()).isEqualTo(LATER);
    }

    @Test
    void updateReplacesWhatIsGiven() {
        var updated = text(true).update(null, "", false, LATER);

        assertThat(updated.name()).isEqualTo("Notes");
        assertThat(updated.description()).isEmpty();
        assertThat(updated.multiline()).isFalse();
    }

    @Test
    void summaryHoldsThreeThousandCharacters() {
        assertThat(system(SystemFields.SUMMARY).maxTextLength()).isEqualTo(3000);
    }

    @Test
    void multilineTextHoldsFortyOneHundredCharacters() {
        assertThat(text(true).maxTextLength()).isEqualTo(4100);
    }

    @Test
    void everyOtherFieldHoldsFiveHundredCharacters() {
        assertThat(text(false).maxTextLength()).isEqualTo(500);
        assertThat(text(null).maxTextLength()).isEqualTo(500);
        assertThat(system(SystemFields.TITLE).maxTextLength()).isEqualTo(500);
    }
}
