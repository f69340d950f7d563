package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TagResource, UntagResource and ListTagsForResource on every configuration resource type. */
class TaggingConformanceTest extends ConformanceSuite {

    @Test
    void tagsOnEveryResourceTypeShowInTheirReads() {
        String domainId = newDomain();
        String fieldId = textField(domainId, "f");
        String layoutId = cases.createLayout(b -> b.domainId(domainId).name("l")
                .content(c -> c.basic(basic -> basic.topPanel(p -> p.sections(List.of()))))).layoutId();
        String templateId = cases.createTemplate(b -> b.domainId(domainId).name("t")).templateId();
        String ruleId = cases.createCaseRule(b -> b.domainId(domainId).name("r")
                .rule(r -> r.required(q -> q.defaultValue(true).conditions(List.of())))).caseRuleId();
        String domainArn = domainArn(domainId);
        var arns = List.of(domainArn, domainArn + "/field/" + fieldId, domainArn + "/layout/" + layoutId,
                domainArn + "/template/" + templateId, domainArn + "/case-rule/" + ruleId);

        for (String arn : arns) {
            cases.tagResource(b -> b.arn(arn).tags(Map.of("team", "blue", "env", "test")));
            assertThat(cases.listTagsForResource(b -> b.arn(arn)).tags())
                    .as(arn).containsExactlyInAnyOrderEntriesOf(Map.of("team", "blue", "env", "test"));
        }

        Map<String, String> expected = Map.of("team", "blue", "env", "test");
        assertThat(cases.getDomain(b -> b.domainId(domainId)).tags()).isEqualTo(expected);
        assertThat(cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id(fieldId))).fields().get(0).tags())
                .isEqualTo(expected);
        assertThat(cases.getLayout(b -> b.domainId(domainId).layoutId(layoutId)).tags()).isEqualTo(expected);
        assertThat(cases.getTemplate(b -> b.domainId(domainId).templateId(templateId)).tags()).isEqualTo(expected);
        assertThat(cases.batchGetCaseRule(b -> b.domainId(domainId).caseRules(r -> r.id(ruleId))).caseRules().get(0)
                .tags()).isEqualTo(expected);
    }

    @Test
    void tagOverwritesAndUntagRemovesIncludingAbsentKeys() {
        String arn = domainArn(newDomain());
        cases.tagResource(b -> b.arn(arn).tags(Map.of("a", "1", "b", "2")));
        cases.tagResource(b -> b.arn(arn).tags(Map.of("a", "one")));

        cases.untagResource(b -> b.arn(arn).tagKeys("b", "never-set"));

        assertThat(cases.listTagsForResource(b -> b.arn(arn)).tags()).isEqualTo(Map.of("a", "one"));
    }

    @Test
    void resourcesThatDoNotExistForTheCallerAreNotFound() {
        String domainId = newDomain();
        String arn = domainArn(domainId);
        try (var other = server.client(TestServer.ACCOUNT_B)) {
            assertThatThrownBy(() -> other.listTagsForResource(b -> b.arn(arn)))
                    .isInstanceOf(ResourceNotFoundException.class);
            String asIfOwn = arn.replace(ACCOUNT, TestServer.ACCOUNT_B.accountId());
            assertThatThrownBy(() -> other.tagResource(b -> b.arn(asIfOwn).tags(Map.of("x", "y"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn(arn + "/field/nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Field"));
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn(arn + "/case/some-case")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn(arn.replace("us-east-1", "eu-west-1"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badKeysAndArnsAreValidationErrors() {
        String arn = domainArn(newDomain());
        assertThatThrownBy(() -> cases.tagResource(b -> b.arn(arn).tags(Map.of("aws:reserved", "x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("aws:");
        assertThatThrownBy(() -> cases.listTagsForResource(b -> b.arn("not-an-arn")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("arn");
        assertThatThrownBy(() -> cases.untagResource(b -> b.arn(arn).tagKeys("aws:x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tagKeys");
        var tooMany = new java.util.HashMap<String, String>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, "v");
        }
        assertThatThrownBy(() -> cases.tagResource(b -> b.arn(arn).tags(tooMany)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("50");
        assertThat(cases.listTagsForResource(b -> b.arn(arn)).tags()).isEmpty();
    }
}
