package io.opencases.domain.rule;

import io.opencases.domain.DomainException;
import io.opencases.domain.Require;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a case rule says. Required and Hidden rules evaluate their conditions in order, the first true one giving the
 * result and {@code defaultValue} applying when none is true; FieldOptions rules restrict a child field's options
 * by the parent field's value.
 */
public sealed interface CaseRuleDetails {

    /** The admin guide's limits on conditions: at most five in a list, nested at most two levels deep. */
    int MAX_CONDITIONS = 5;
    int MAX_DEPTH = 2;

    RuleType type();

    /** Field ids the rule reads or constrains (used to check they exist). */
    Stream<String> fieldIds();

    record Required(boolean defaultValue, List<BooleanCondition> conditions) implements CaseRuleDetails {
        public Required {
            conditions = checkConditions(conditions);
        }

        @Override
        public RuleType type() {
            return RuleType.Required;
        }

        @Override
        public Stream<String> fieldIds() {
            return conditions.stream().flatMap(BooleanCondition::fieldIds);
        }
    }

    record Hidden(boolean defaultValue, List<BooleanCondition> conditions) implements CaseRuleDetails {
        public Hidden {
            conditions = checkConditions(conditions);
        }

        @Override
        public RuleType type() {
            return RuleType.Hidden;
        }

        @Override
        public Stream<String> fieldIds() {
            return conditions.stream().flatMap(BooleanCondition::fieldIds);
        }
    }

    record OptionMapping(String parentFieldOptionValue, List<String> childFieldOptionValues) {
        public OptionMapping {
            Require.nonNull(parentFieldOptionValue, "parentFieldOptionValue");
            childFieldOptionValues = Require.copy(childFieldOptionValues);
        }
    }

    record FieldOptions(String parentFieldId, String childFieldId, List<OptionMapping> mappings)
            implements CaseRuleDetails {
        public FieldOptions {
            if (parentFieldId == null || childFieldId == null) {
                throw DomainException.invalid("rule.fieldOptions: parentFieldId and childFieldId are required.");
            }
            if (parentFieldId.equals(childFieldId)) {
                throw DomainException.invalid("rule.fieldOptions: parentFieldId and childFieldId must differ.");
            }
            mappings = Require.copy(mappings);
            if (mappings.stream().map(OptionMapping::parentFieldOptionValue).distinct().count() != mappings.size()) {
                throw DomainException.invalid(
                        "rule.fieldOptions: each parentFieldOptionValue may be mapped only once.");
            }
        }

        @Override
        public RuleType type() {
            return RuleType.FieldOptions;
        }

        @Override
        public Stream<String> fieldIds() {
            return Stream.of(parentFieldId, childFieldId);
        }
    }

    private static List<BooleanCondition> checkConditions(List<BooleanCondition> conditions) {
        var copy = Require.copy(conditions);
        checkList(copy, "rule.conditions");
        for (BooleanCondition c : copy) {
            if (c.depth() > MAX_DEPTH) {
                throw DomainException.invalid("rule.conditions: conditions may be nested at most %d levels deep.",
                        MAX_DEPTH);
            }
        }
        return copy;
    }

    private static void checkList(List<BooleanCondition> conditions, String where) {
        if (conditions.size() > MAX_CONDITIONS) {
            throw DomainException.invalid("%s: at most %d conditions are allowed, got %d.", where, MAX_CONDITIONS,
                    conditions.size());
        }
        for (BooleanCondition c : conditions) {
            if (c instanceof BooleanCondition.Combination combination) {
                checkList(combination.conditions(), where + (c instanceof BooleanCondition.AndAll ? ".andAll"
                        : ".orAll"));
            }
        }
    }
}
