package io.opencases.application.port;

import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;

import java.util.List;

/** Field definitions and the options of SingleSelect fields. */
public interface FieldRepository extends DomainResourceRepository<Field> {
    /** The options of a field in the order they were first added. */
    List<FieldOption> options(String domainId, String fieldId);

    /** Replaces a field's options; the list order is kept. */
    void saveOptions(String domainId, String fieldId, List<FieldOption> options);
}
