package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.RequiredField;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.TemplateStatus;
import software.amazon.awssdk.services.connectcases.model.TemplateSummary;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateTemplate, GetTemplate, UpdateTemplate, DeleteTemplate, ListTemplates. */
class TemplateOperationsConformanceTest extends ConformanceSuite {

    private static String layout(String domainId) {
        return cases.createLayout(b -> b.domainId(domainId).name("layout")
                .content(c -> c.basic(basic -> basic.topPanel(p -> p.sections(s -> s.fieldGroup(g -> g
                        .fields(f -> f.id("summary")))))))).layoutId();
    }

    private static String requiredRule(String domainId) {
        return cases.createCaseRule(b -> b.domainId(domainId).name("required-summary")
                .rule(r -> r.required(q -> q.defaultValue(true).conditions(java.util.List.of())))).caseRuleId();
    }

    @Test
    void createAndGetWithEveryMember() {
        String domainId = newDomain();
        String layoutId = layout(domainId);
        String ruleId = requiredRule(domainId);
        var created = cases.createTemplate(b -> b.domainId(domainId).name("Standard").description("default")
                .layoutConfiguration(l -> l.defaultLayout(layoutId))
                .requiredFields(f -> f.fieldId("summary"), f -> f.fieldId("customer_id"))
                .rules(r -> r.caseRuleId(ruleId).fieldId("summary")));
        assertThat(created.templateArn()).isEqualTo(domainArn(domainId) + "/template/" + created.templateId());

        var got = cases.getTemplate(b -> b.domainId(domainId).templateId(created.templateId()));
        assertThat(got.name()).isEqualTo("Standard");
        assertThat(got.description()).isEqualTo("default");
        assertThat(got.status()).isEqualTo(TemplateStatus.ACTIVE);
        assertThat(got.layoutConfiguration().defaultLayout()).isEqualTo(layoutId);
        assertThat(got.requiredFields()).extracting(RequiredField::fieldId).containsExactly("summary", "customer_id");
        assertThat(got.rules()).singleElement().satisfies(r -> {
            assertThat(r.caseRuleId()).isEqualTo(ruleId);
            assertThat(r.fieldId()).isEqualTo("summary");
        });
        assertThat(got.deleted()).isFalse();
        assertThat(got.createdTime()).isNotNull();
    }

    @Test
    void badReferencesAreValidationErrorsNamingThem() {
        String domainId = newDomain();
        assertThatThrownBy(() -> cases.createTemplate(b -> b.domainId(domainId).name("t")
                .layoutConfiguration(l -> l.defaultLayout("no-layout"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-layout");
        assertThatThrownBy(() -> cases.createTemplate(b -> b.domainId(domainId).name("t")
                .requiredFields(f -> f.fieldId("no-field"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-field");
        assertThatThrownBy(() -> cases.createTemplate(b -> b.domainId(domainId).name("t")
                .rules(r -> r.caseRuleId("no-rule").fieldId("summary"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no-rule");
        assertThatThrownBy(() -> cases.createTemplate(b -> b.domainId(domainId).name("t")
                .requiredFields(f -> f.fieldId("summary"), f -> f.fieldId("summary"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("summary");
        assertThat(cases.listTemplates(b -> b.domainId(domainId)).templates()).isEmpty();
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        String domainId = newDomain();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t").description("keep")
                .requiredFields(f -> f.fieldId("summary"))).templateId();

        cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId).status(TemplateStatus.INACTIVE));

        var got = cases.getTemplate(b -> b.domainId(domainId).templateId(templateId));
        assertThat(got.status()).isEqualTo(TemplateStatus.INACTIVE);
        assertThat(got.description()).isEqualTo("keep");
        assertThat(got.requiredFields()).extracting(RequiredField::fieldId).containsExactly("summary");
        assertThatThrownBy(() -> cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("At least one");
    }

    @Test
    void getTemplateDropsRequiredFieldsDeletedLater() {
        String domainId = newDomain();
        String fieldId = textField(domainId, "temporary");
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")
                .requiredFields(f -> f.fieldId(fieldId), f -> f.fieldId("summary"))).templateId();

        cases.deleteField(b -> b.domainId(domainId).fieldId(fieldId));

        assertThat(cases.getTemplate(b -> b.domainId(domainId).templateId(templateId)).requiredFields())
                .extracting(RequiredField::fieldId).containsExactly("summary");
    }

    @Test
    void deletedTemplateIsReadableButNotUpdatableNorListed() {
        String domainId = newDomain();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();

        cases.deleteTemplate(b -> b.domainId(domainId).templateId(templateId));

        assertThat(cases.getTemplate(b -> b.domainId(domainId).templateId(templateId)).deleted()).isTrue();
        assertThat(cases.listTemplates(b -> b.domainId(domainId)).templates()).isEmpty();
        assertThatThrownBy(() -> cases.updateTemplate(b -> b.domainId(domainId).templateId(templateId).name("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deleted");
        assertThat(cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId()).isNotEqualTo(templateId);
        assertThatThrownBy(() -> cases.getTemplate(b -> b.domainId(domainId).templateId("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Template"));
    }

    @Test
    void duplicateNameIsAConflict() {
        String domainId = newDomain();
        cases.createTemplate(b -> b.domainId(domainId).name("same"));
        String other = cases.createTemplate(b -> b.domainId(domainId).name("other")).templateId();
        assertThatThrownBy(() -> cases.createTemplate(b -> b.domainId(domainId).name("same")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cases.updateTemplate(b -> b.domainId(domainId).templateId(other).name("same")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void listTemplatesFiltersByStatusAndPages() {
        String domainId = newDomain();
        for (int i = 0; i < 5; i++) {
            String name = "t" + i;
            TemplateStatus status = i % 2 == 0 ? TemplateStatus.ACTIVE : TemplateStatus.INACTIVE;
            cases.createTemplate(b -> b.domainId(domainId).name(name).status(status));
        }
        var active = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            var page = cases.listTemplates(b -> b.domainId(domainId).status(TemplateStatus.ACTIVE).maxResults(2)
                    .nextToken(next));
            page.templates().stream().map(TemplateSummary::name).forEach(active::add);
            token = page.nextToken();
        } while (token != null);

        assertThat(active).containsExactlyInAnyOrder("t0", "t2", "t4");
        assertThat(cases.listTemplates(b -> b.domainId(domainId).status(TemplateStatus.INACTIVE)).templates())
                .extracting(TemplateSummary::name).containsExactlyInAnyOrder("t1", "t3");
        assertThat(cases.listTemplates(b -> b.domainId(domainId)).templates()).hasSize(5);
    }
}
