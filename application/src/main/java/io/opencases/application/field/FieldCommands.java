package io.opencases.application.field;

import io.opencases.application.Caller;
import io.opencases.application.Described;
import io.opencases.application.PageRequest;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;

import java.util.List;

/** Inputs and outputs of the field use cases, one record per operation. */
public final class FieldCommands {
    private FieldCommands() {
    }

    /** {@code multiline} is null when no text attributes are given. */
    public record CreateField(Caller caller, String domainId, String name, FieldType type, String description,
                              Boolean multiline) {
    }

    public record FieldCreated(String fieldId, String fieldArn) {
    }

    /** Null members keep their current value. */
    public record UpdateField(Caller caller, String domainId, String fieldId, String name, String description,
                              Boolean multiline) {
    }

    public record DeleteField(Caller caller, String domainId, String fieldId) {
    }

    public record ListFields(Caller caller, String domainId, PageRequest page) {
    }

    public record BatchGetField(Caller caller, String domainId, List<String> fieldIds) {
    }

    /** A field id BatchGetField could not return; the call itself still succeeds. */
    public record FieldError(String id, String errorCode, String message) {
    }

    public record FieldBatch(List<Described<Field>> fields, List<FieldError> errors) {
    }

    public record BatchPutFieldOptions(Caller caller, String domainId, String fieldId, List<FieldOption> options) {
    }

    /** An option BatchPutFieldOptions did not apply; the others were applied. */
    public record FieldOptionError(String value, String errorCode, String message) {
    }

    /** {@code value} filters to the option with that value when not null. */
    public record ListFieldOptions(Caller caller, String domainId, String fieldId, PageRequest page, String value) {
    }
}
