package io.opencases.application;

import io.opencases.application.Arns.Parsed;
import io.opencases.application.Arns.ResourceKind;
import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seven Cases ARN formats: built as AWS writes them, parsed back, and refused when foreign. */
class ArnsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String DOMAIN = "a1b2c3d4-5678-90ab-cdef-000000000001";
    private static final String PREFIX = "arn:aws:cases:us-west-2:123456789012:domain/" + DOMAIN;

    private final Arns arns = new Arns("aws", "us-west-2");

    @Test
    void buildsEveryKindInAwsFormat() {
        assertThat(arns.domain(ACCOUNT, DOMAIN)).isEqualTo(PREFIX);
        assertThat(arns.field(ACCOUNT, DOMAIN, "case_id")).isEqualTo(PREFIX + "/field/case_id");
        assertThat(arns.layout(ACCOUNT, DOMAIN, "l1")).isEqualTo(PREFIX + "/layout/l1");
        assertThat(arns.template(ACCOUNT, DOMAIN, "t1")).isEqualTo(PREFIX + "/template/t1");
        assertThat(arns.caseRule(ACCOUNT, DOMAIN, "r1")).isEqualTo(PREFIX + "/case-rule/r1");
        assertThat(arns.caseArn(ACCOUNT, DOMAIN, "c1")).isEqualTo(PREFIX + "/case/c1");
        assertThat(arns.relatedItem(ACCOUNT, DOMAIN, "c1", "ri1")).isEqualTo(PREFIX + "/case/c1/related-item/ri1");
        assertThat(arns.region()).isEqualTo("us-west-2");
    }

    @Test
    void parsesEveryKindBackToWhatBuiltIt() {
        var expected = Map.of(
                arns.domain(ACCOUNT, DOMAIN), new Parsed(ACCOUNT, DOMAIN, ResourceKind.DOMAIN, DOMAIN, null),
                arns.field(ACCOUNT, DOMAIN, "case_id"), new Parsed(ACCOUNT, DOMAIN, ResourceKind.FIELD, "case_id",
                        null),
                arns.layout(ACCOUNT, DOMAIN, "l1"), new Parsed(ACCOUNT, DOMAIN, ResourceKind.LAYOUT, "l1", null),
                arns.template(ACCOUNT, DOMAIN, "t1"), new Parsed(ACCOUNT, DOMAIN, ResourceKind.TEMPLATE, "t1", null),
                arns.caseRule(ACCOUNT, DOMAIN, "r1"), new Parsed(ACCOUNT, DOMAIN, ResourceKind.CASE_RULE, "r1",
                        null),
                arns.caseArn(ACCOUNT, DOMAIN, "c1"), new Parsed(ACCOUNT, DOMAIN, ResourceKind.CASE, "c1", "c1"),
                arns.relatedItem(ACCOUNT, DOMAIN, "c1", "ri1"), new Parsed(ACCOUNT, DOMAIN,
                        ResourceKind.RELATED_ITEM, "ri1", "c1"));

        assertThat(expected).hasSize(ResourceKind.values().length);
        expected.forEach((arn, parsed) -> assertThat(arns.parse(arn)).as(arn).isEqualTo(parsed));
    }

    @Test
    void eachKindNamesItsResourceType() {
        assertThat(ResourceKind.CASE_RULE.resourceType()).isEqualTo("CaseRule");
        assertThat(ResourceKind.RELATED_ITEM.resourceType()).isEqualTo("RelatedItem");
        assertThat(ResourceKind.DOMAIN.resourceType()).isEqualTo("Domain");
    }

    @Test
    void anArnOfAnotherServiceIsInvalid() {
        assertThatThrownBy(() -> arns.parse("arn:aws:connect:us-west-2:123456789012:instance/i1"))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> arns.parse("arn:aws:profile:us-west-2:123456789012:domain/" + DOMAIN))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void garbageIsInvalid() {
        for (String arn : new String[]{"", "not-an-arn", "arn:aws:cases", "arn:aws:cases:us-west-2:123:",
                PREFIX + "/widget/w1", PREFIX + "/field/f1/related-item/ri1", PREFIX + "/case/c1/comment/x",
                PREFIX + "/field/", PREFIX + "/"}) {
            assertThatThrownBy(() -> arns.parse(arn)).as(arn).isInstanceOf(DomainException.Invalid.class);
        }
    }

    @Test
    void anArnOfAnotherRegionOrPartitionIsNotFound() {
        assertThatThrownBy(() -> arns.parse("arn:aws:cases:eu-west-1:123456789012:domain/" + DOMAIN))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> arns.parse("arn:aws-cn:cases:us-west-2:123456789012:domain/" + DOMAIN))
                .isInstanceOf(DomainException.NotFound.class);
    }
}
