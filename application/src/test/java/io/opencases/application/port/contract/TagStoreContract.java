package io.opencases.application.port.contract;

import io.opencases.application.Arns;
import io.opencases.application.Arns.ResourceKind;
import io.opencases.application.port.CaseRepository;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.LayoutRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.port.TagStore;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.Field;
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
 * What every TagStore must do: say whether the resource an ARN names exists (its domain in its account, and the
 * resource in the domain, deleted ones included), keep the tags on an ARN, and find a case to re-index. The
 * repositories set up the resources.
 */
public interface TagStoreContract extends StoreRepositories.Seeded {
    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    String ACCOUNT = "111111111111";

    TagStore tagStore();

    private static Arns.Parsed resource(String accountId, String domainId, ResourceKind kind, String id,
                                        String caseId) {
        return new Arns.Parsed(accountId, domainId, kind, id, caseId);
    }

    @Test
    default void aResourceExistsWhenItsDomainIsInItsAccountAndItIsInTheDomain() {
        String domainId = newDomain(ACCOUNT, T0);
        repositories().fields().save(Field.custom(domainId, "f", "F", null, FieldType.Text, null, T0).delete(T0));
        repositories().layouts().save(new Layout(domainId, "l", "L", new LayoutContent(null, null), false, T0, T0));
        repositories().templates().save(new Template(domainId, "t", "T", null, null, List.of(), TemplateStatus.Active,
                List.of(), List.of(), false, T0, T0));
        repositories().caseRules().save(new CaseRule(domainId, "r", "R", null,
                new CaseRuleDetails.Required(false, List.of()), false, T0, T0));
        repositories().cases().save(new Case(domainId, "c", "t", Map.of("title", new FieldValue.StringValue("x")), T0));
        repositories().relatedItems().save(new RelatedItem(domainId, "c", "i",
                new RelatedItemContent.Comment("hi", "Text/Plain"), T0, new CaseUser.CustomEntity("job"),
                new CaseUser.CustomEntity("job")));
        var store = tagStore();

        assertThat(store.exists(resource(ACCOUNT, domainId, ResourceKind.DOMAIN, null, null))).isTrue();
        var stored = Map.of(ResourceKind.FIELD, "f", ResourceKind.LAYOUT, "l", ResourceKind.TEMPLATE, "t",
                ResourceKind.CASE_RULE, "r", ResourceKind.CASE, "c");
        for (var kind : stored.keySet()) {
            String id = stored.get(kind);
            assertThat(store.exists(resource(ACCOUNT, domainId, kind, id, null))).as(kind + " " + id).isTrue();
            assertThat(store.exists(resource(ACCOUNT, domainId, kind, "missing", null))).as(kind + " missing")
                    .isFalse();
        }
        assertThat(store.exists(resource(ACCOUNT, domainId, ResourceKind.RELATED_ITEM, "i", "c"))).isTrue();
        assertThat(store.exists(resource(ACCOUNT, domainId, ResourceKind.RELATED_ITEM, "i", "other"))).isFalse();
        assertThat(store.exists(resource("222222222222", domainId, ResourceKind.DOMAIN, null, null))).isFalse();
        assertThat(store.exists(resource("222222222222", domainId, ResourceKind.CASE, "c", null))).isFalse();
        assertThat(store.exists(resource(ACCOUNT, UUID.randomUUID().toString(), ResourceKind.DOMAIN, null, null)))
                .isFalse();
    }

    @Test
    default void tagsAreAddedOverwrittenAndRemovedOnTheirArnAlone() {
        String arn = "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + UUID.randomUUID();
        var store = tagStore();

        store.put(arn, Map.of("team", "blue", "env", "prod"));
        store.put(arn, Map.of("team", "red"));
        store.put(arn + "/case/c", Map.of("team", "green"));
        store.remove(arn, List.of("env", "absent"));

        assertThat(store.tags(arn)).isEqualTo(Map.of("team", "red"));
        assertThat(store.tags(arn + "/case/c")).isEqualTo(Map.of("team", "green"));
        assertThat(store.tags(arn + "/case/none")).isEmpty();
    }

    @Test
    default void theCaseToReindexIsFoundWhenItExists() {
        String domainId = newDomain(ACCOUNT, T0);
        var aCase = new Case(domainId, "c", "t", Map.of("title", new FieldValue.StringValue("x")), T0);
        repositories().cases().save(aCase);

        assertThat(tagStore().lockCase(domainId, "c")).contains(aCase);
        assertThat(tagStore().lockCase(domainId, "missing")).isEmpty();
    }
}
