package io.opencases.application.port.contract;

import io.opencases.application.port.CaseRuleRepository;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.rule.BooleanCondition;
import io.opencases.domain.rule.BooleanCondition.Operands;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.rule.CaseRuleDetails.OptionMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The DomainResourceRepository contract for case rules, whose details of every kind must survive storage. */
public interface CaseRuleRepositoryContract extends DomainResourceRepositoryContract<CaseRule> {
    @Override
    CaseRuleRepository repository();

    @Override
    default CaseRule newResource(String domainId, String id, String name) {
        var details = new CaseRuleDetails.Required(false, List.of(
                new BooleanCondition.EqualTo(new Operands("status", new FieldValue.StringValue("closed"), true))));
        return new CaseRule(domainId, id, name, "Required when " + name, details, false, CREATED, CREATED);
    }

    @Override
    default CaseRule deletedCopy(CaseRule rule) {
        return rule.delete(DELETED);
    }

    @Test
    default void everyKindOfDetailsRoundTrips() {
        String domainId = newDomainId();
        var nested = new BooleanCondition.OrAll(List.of(
                new BooleanCondition.EqualTo(new Operands("score", new FieldValue.DoubleValue(4.5), true)),
                new BooleanCondition.NotEqualTo(new Operands("vip", new FieldValue.BooleanValue(true), false)),
                new BooleanCondition.EqualTo(new Operands("assigned_user",
                        new FieldValue.UserArnValue("arn:aws:connect:us-east-1:123456789012:instance/i/agent/a"),
                        true)),
                new BooleanCondition.EqualTo(new Operands("summary", FieldValue.EMPTY, true))));
        var required = new CaseRuleDetails.Required(true, List.of(nested,
                new BooleanCondition.AndAll(List.of(new BooleanCondition.EqualTo(
                        new Operands("status", new FieldValue.StringValue("open"), false))))));
        var hidden = new CaseRuleDetails.Hidden(false, List.of());
        var fieldOptions = new CaseRuleDetails.FieldOptions("case_reason", "sub_reason", List.of(
                new OptionMapping("billing", List.of("refund", "invoice")), new OptionMapping("other", List.of())));
        var rules = List.of(
                new CaseRule(domainId, UUID.randomUUID().toString(), "Required", null, required, false, CREATED,
                        CREATED),
                new CaseRule(domainId, UUID.randomUUID().toString(), "Hidden", "", hidden, false, CREATED, CREATED),
                new CaseRule(domainId, UUID.randomUUID().toString(), "Options", "Sub-reasons", fieldOptions, false,
                        CREATED, CREATED));
        rules.forEach(repository()::save);

        for (CaseRule rule : rules) {
            assertThat(repository().find(domainId, rule.caseRuleId())).contains(rule);
        }
    }
}
