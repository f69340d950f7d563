package io.opencases.application.port.contract;

import io.opencases.application.Arns.ResourceKind;
import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainContents;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.layout.Layout;
import io.opencases.domain.layout.LayoutContent;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every DomainContents adapter must do: know each kind of resource a domain holds, and remove all of them, and
 * the tags under the domain's ARN, without touching another domain. The repositories set up what it looks at.
 */
public interface DomainContentsContract extends StoreRepositories.Seeded {
    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    DomainContents domainContents();

    /** The ids of one of everything in a fresh domain (ids repeat across domains on purpose). */
    private String filledDomain() {
        String domainId = UUID.randomUUID().toString();
        repositories().fields().save(Field.custom(domainId, "pick", "pick", null, FieldType.SingleSelect, null, T0));
        repositories().fields().saveOptions(domainId, "pick", List.of(new FieldOption("A", "a", true)));
        repositories().fields().save(Field.custom(domainId, "gone", "gone", null, FieldType.Text, null, T0).delete(T0));
        repositories().layouts().save(new Layout(domainId, "layout", "Layout", new LayoutContent(null, null), false, T0,
                T0));
        repositories().templates().save(new Template(domainId, "template", "Template", null, null, List.of(),
                TemplateStatus.Active, List.of(), List.of(), false, T0, T0));
        repositories().caseRules().save(new CaseRule(domainId, "rule", "Rule", null,
                new CaseRuleDetails.Required(false, List.of()), false, T0, T0));
        repositories().cases().save(new Case(domainId, "case", "template",
                Map.of("pick", new FieldValue.StringValue("a")), T0));
        repositories().relatedItems().save(new RelatedItem(domainId, "case", "item",
                new RelatedItemContent.Comment("hello", "Text/Plain"), T0, new CaseUser.CustomEntity("job"),
                new CaseUser.CustomEntity("job")));
        repositories().auditLog().append(new AuditEvent(UUID.randomUUID().toString(), domainId, "case",
                AuditEventType.CASE_CREATED, null, T0, List.of(), new CaseUser.CustomEntity("job"),
                "arn:aws:iam::123456789012:root"));
        repositories().tags().put(arn(domainId), Map.of("team", "blue"));
        repositories().tags().put(arn(domainId) + "/case/case", Map.of("team", "red"));
        return domainId;
    }

    private static String arn(String domainId) {
        return "arn:aws:cases:us-east-1:123456789012:domain/" + domainId;
    }

    private boolean containsEverything(String domainId) {
        var contents = domainContents();
        return contents.contains(domainId, ResourceKind.FIELD, null, "pick")
                && contents.contains(domainId, ResourceKind.LAYOUT, null, "layout")
                && contents.contains(domainId, ResourceKind.TEMPLATE, null, "template")
                && contents.contains(domainId, ResourceKind.CASE_RULE, null, "rule")
                && contents.contains(domainId, ResourceKind.CASE, null, "case")
                && contents.contains(domainId, ResourceKind.RELATED_ITEM, "case", "item");
    }

    @Test
    default void eachKindOfResourceIsFoundInItsOwnDomainOnly() {
        String domainId = filledDomain();
        String empty = UUID.randomUUID().toString();
        var contents = domainContents();

        assertThat(containsEverything(domainId)).isTrue();
        // A deleted field keeps its ARN (and its tags).
        assertThat(contents.contains(domainId, ResourceKind.FIELD, null, "gone")).isTrue();
        for (ResourceKind kind : List.of(ResourceKind.FIELD, ResourceKind.LAYOUT, ResourceKind.TEMPLATE,
                ResourceKind.CASE_RULE, ResourceKind.CASE)) {
            assertThat(contents.contains(domainId, kind, null, "nothing")).as(kind.name()).isFalse();
            assertThat(contents.contains(empty, kind, null, kind == ResourceKind.CASE ? "case" : "pick"))
                    .as(kind.name()).isFalse();
        }
        // The ids are not interchangeable between kinds, and a related item belongs to its case.
        assertThat(contents.contains(domainId, ResourceKind.TEMPLATE, null, "layout")).isFalse();
        assertThat(contents.contains(domainId, ResourceKind.RELATED_ITEM, "other-case", "item")).isFalse();
        assertThat(contents.contains(domainId, ResourceKind.RELATED_ITEM, "case", "nothing")).isFalse();
    }

    @Test
    default void deleteAllEmptiesTheDomainAndLeavesTheOthersAlone() {
        String deleted = filledDomain();
        String kept = filledDomain();

        domainContents().deleteAll(deleted, arn(deleted));

        var contents = domainContents();
        for (ResourceKind kind : List.of(ResourceKind.FIELD, ResourceKind.LAYOUT, ResourceKind.TEMPLATE,
                ResourceKind.CASE_RULE)) {
            assertThat(contents.contains(deleted, kind, null, "pick")).as(kind.name()).isFalse();
        }
        assertThat(contents.contains(deleted, ResourceKind.FIELD, null, "gone")).isFalse();
        assertThat(contents.contains(deleted, ResourceKind.LAYOUT, null, "layout")).isFalse();
        assertThat(contents.contains(deleted, ResourceKind.TEMPLATE, null, "template")).isFalse();
        assertThat(contents.contains(deleted, ResourceKind.CASE_RULE, null, "rule")).isFalse();
        assertThat(contents.contains(deleted, ResourceKind.CASE, null, "case")).isFalse();
        assertThat(contents.contains(deleted, ResourceKind.RELATED_ITEM, "case", "item")).isFalse();
        assertThat(repositories().fields().options(deleted, "pick")).isEmpty();
        assertThat(repositories().auditLog().events(deleted, "case", 0, 10)).isEmpty();
        assertThat(repositories().tags().tags(arn(deleted))).isEmpty();
        assertThat(repositories().tags().tags(arn(deleted) + "/case/case")).isEmpty();

        assertThat(containsEverything(kept)).isTrue();
        assertThat(repositories().fields().options(kept, "pick")).hasSize(1);
        assertThat(repositories().auditLog().events(kept, "case", 0, 10)).hasSize(1);
        assertThat(repositories().tags().tags(arn(kept))).containsEntry("team", "blue");
        assertThat(repositories().tags().tags(arn(kept) + "/case/case")).containsEntry("team", "red");
    }
}
