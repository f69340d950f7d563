package io.opencases.domain.rule;

import io.opencases.domain.Require;
import io.opencases.domain.field.FieldValue;

import java.util.List;
import java.util.stream.Stream;

/** A condition of a Required or Hidden case rule: a comparison of a field with a value, or a combination of them. */
public sealed interface BooleanCondition {

    /** {@code fieldId} compared with {@code value}; when the comparison holds the condition yields {@code result}. */
    record Operands(String fieldId, FieldValue value, boolean result) {
        public Operands {
            Require.nonNull(fieldId, "fieldId");
            Require.nonNull(value, "value");
        }
    }

    record EqualTo(Operands operands) implements BooleanCondition {
        @Override
        public Stream<String> fieldIds() {
            return Stream.of(operands.fieldId());
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    record NotEqualTo(Operands operands) implements BooleanCondition {
        @Override
        public Stream<String> fieldIds() {
            return Stream.of(operands.fieldId());
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    record AndAll(List<BooleanCondition> conditions) implements BooleanCondition {
        public AndAll {
            conditions = Require.copy(conditions);
        }

        @Override
        public Stream<String> fieldIds() {
            return conditions.stream().flatMap(BooleanCondition::fieldIds);
        }

        @Override
        public int depth() {
            return 1 + conditions.stream().mapToInt(BooleanCondition::depth).max().orElse(0);
        }
    }

    record OrAll(List<BooleanCondition> conditions) implements BooleanCondition {
        public OrAll {
            conditions = Require.copy(conditions);
        }

        @Override
        public Stream<String> fieldIds() {
            return conditions.stream().flatMap(BooleanCondition::fieldIds);
        }

        @Override
        public int depth() {
            return 1 + conditions.stream().mapToInt(BooleanCondition::depth).max().orElse(0);
        }
    }

    /** The field ids this condition reads. */
    Stream<String> fieldIds();

    /** Nesting depth: a comparison is 1, a combination one more than its deepest member. */
    int depth();
}
