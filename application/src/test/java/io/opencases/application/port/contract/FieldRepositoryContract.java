package io.opencases.application.port.contract;

import io.opencases.application.port.FieldRepository;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldNamespace;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DomainResourceRepository contract for fields, plus the options of SingleSelect fields. */
public interface FieldRepositoryContract extends DomainResourceRepositoryContract<Field> {
    @Override
    FieldRepository repository();

    @Override
    default Field newResource(String domainId, String id, String name) {
        return Field.custom(domainId, id, name, "The " + name + " of the case", FieldType.SingleSelect, null,
                CREATED);
    }

    @Override
    default Field deletedCopy(Field field) {
        return field.delete(DELETED);
    }

    private Field savedField(String domainId, String name) {
        Field field = newResource(domainId, UUID.randomUUID().toString(), name);
        repository().save(field);
        return field;
    }

    @Test
    default void everyTypeNamespaceAndTextAttributeRoundTrips() {
        String domainId = newDomainId();
        var fields = new ArrayList<Field>();
        for (FieldType type : FieldType.values()) {
            fields.add(Field.custom(domainId, UUID.randomUUID().toString(), "Custom " + type, null, type, null,
                    CREATED));
        }
        fields.add(Field.custom(domainId, UUID.randomUUID().toString(), "Multi-line", "", FieldType.Text, true,
                CREATED));
        fields.add(Field.custom(domainId, UUID.randomUUID().toString(), "Single-line", null, FieldType.Text, false,
                CREATED));
        fields.add(new Field(domainId, "summary", "Summary", "Summary of the case", FieldType.Text,
                FieldNamespace.System, null, false, CREATED, CREATED));
        fields.forEach(repository()::save);

        for (Field field : fields) {
            assertThat(repository().find(domainId, field.fieldId())).contains(field);
        }
    }

    @Test
    default void fieldHasNoOptionsByDefault() {
        String domainId = newDomainId();
        Field field = savedField(domainId, "Priority");

        assertThat(repository().options(domainId, field.fieldId())).isEmpty();
        assertThat(repository().options(domainId, UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    default void optionsKeepTheirOrderAndActiveFlag() {
        String domainId = newDomainId();
        Field field = savedField(domainId, "Priority");
        var options = List.of(new FieldOption("Zulu", "zulu", true), new FieldOption("Alpha", "alpha", false),
                new FieldOption("Mike", "mike", true));

        repository().saveOptions(domainId, field.fieldId(), options);

        assertThat(repository().options(domainId, field.fieldId())).containsExactlyElementsOf(options);
    }

    @Test
    default void savingOptionsReplacesTheWholeList() {
        String domainId = newDomainId();
        Field field = savedField(domainId, "Priority");
        repository().saveOptions(domainId, field.fieldId(), List.of(new FieldOption("Low", "low", true),
                new FieldOption("High", "high", true), new FieldOption("Mid", "mid", true)));
        var replacement = List.of(new FieldOption("High", "high", false), new FieldOption("Low (old)", "low", true));

        repository().saveOptions(domainId, field.fieldId(), replacement);

        assertThat(repository().options(domainId, field.fieldId())).containsExactlyElementsOf(replacement);

        repository().saveOptions(domainId, field.fieldId(), List.of());

        assertThat(repository().options(domainId, field.fieldId())).isEmpty();
    }

    @Test
    default void optionsBelongToOneFieldOfOneDomain() {
        String one = newDomainId();
        String two = newDomainId();
        Field priority = savedField(one, "Priority");
        Field urgency = savedField(one, "Urgency");
        var sameId = newResource(two, priority.fieldId(), "Priority");
        repository().save(sameId);
        var options = List.of(new FieldOption("Low", "low", true));

        repository().saveOptions(one, priority.fieldId(), options);

        assertThat(repository().options(one, priority.fieldId())).containsExactlyElementsOf(options);
        assertThat(repository().options(one, urgency.fieldId())).isEmpty();
        assertThat(repository().options(two, priority.fieldId())).isEmpty();
    }

    @Test
    default void deleteAllInDomainDropsTheOptionsToo() {
        String doomed = newDomainId();
        String kept = newDomainId();
        Field gone = savedField(doomed, "Priority");
        Field stays = savedField(kept, "Priority");
        var options = List.of(new FieldOption("Low", "low", true), new FieldOption("High", "high", true));
        repository().saveOptions(doomed, gone.fieldId(), options);
        repository().saveOptions(kept, stays.fieldId(), options);

        repository().deleteAllInDomain(doomed);

        assertThat(repository().options(doomed, gone.fieldId())).isEmpty();
        assertThat(repository().options(kept, stays.fieldId())).containsExactlyElementsOf(options);
    }
}
