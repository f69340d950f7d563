package io.opencases.domain.field;

import java.util.Objects;

/** A value a case field (or a rule operand) can hold: the FieldValueUnion of the API. */
public sealed interface FieldValue {

    record StringValue(String value) implements FieldValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }

    record DoubleValue(double value) implements FieldValue {
    }

    record BooleanValue(boolean value) implements FieldValue {
    }

    record UserArnValue(String value) implements FieldValue {
        public UserArnValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Explicitly no value: clears a field on update, means "has no value" in conditions. */
    record Empty() implements FieldValue {
    }

    Empty EMPTY = new Empty();
}
