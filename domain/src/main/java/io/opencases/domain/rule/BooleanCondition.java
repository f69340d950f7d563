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

    /** A comparison of one field with a value. */
    sealed interface Comparison extends BooleanCondition {
        Operands operands();

        @Override
        default Stream<String> fieldIds() {
            return Stream.of(operands().fieldId());
        }

        @Override
        default int depth() {
            return 1;
        }
    }

    /** A combination of conditions. */
    sealed interface Combination extends BooleanCondition {
        List<BooleanCondition> conditions();

        @Override
        default Stream<String> fieldIds() {
            return conditions().stream().flatMap(BooleanCondition::fieldIds);
        }

        @Override
        default int depth() {
            return 1 + conditions().stream().mapToInt(BooleanCondition::depth).max().orElse(0);
        }
    }

    record EqualTo(Operands operands) implements Comparison {
    }

    record NotEqualTo(Operands operands) implements Comparison {
    }

    record AndAll(List<BooleanCondition> conditions) implements Combination {
        public AndAll {
            conditions = Require.copy(conditions);
        }
    }

    record OrAll(List<BooleanCondition> conditions) implements Combination {
        public OrAll {
            conditions = Require.copy(conditions);
        }
    }

    /** The field ids this condition reads. */
    Stream<String> fieldIds();

    /** Nesting depth: a comparison is 1, a combination one more than its deepest member. */
    int depth();
}
