package io.opencases.memory.service;

import io.opencases.application.casesdomain.DomainCommands.GetDomain;
import io.opencases.application.field.FieldCommands.BatchGetField;
import io.opencases.application.tag.TagCommands.ListTagsForResource;
import io.opencases.application.tag.TagCommands.TagResource;
import io.opencases.application.tag.TagCommands.UntagResource;
import io.opencases.domain.DomainException;
import io.opencases.domain.field.FieldType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TagResource, UntagResource and ListTagsForResource on the caller's ARNs, over the memory adapters. */
class TagServiceTest {
    private final MemoryServices app = new MemoryServices();
    private final String domainId = app.newDomain(ALICE, "Support");
    private final String domainArn = app.arns.domain(ALICE.accountId(), domainId);

    private void tag(String arn, Map<String, String> tags) {
        app.tagService.tagResource(new TagResource(ALICE, arn, tags));
    }

    private Map<String, String> list(String arn) {
        return app.tagService.listTagsForResource(new ListTagsForResource(ALICE, arn));
    }

    private static Map<String, String> numberedTags(int count) {
        var tags = new HashMap<String, String>();
        for (int i = 0; i < count; i++) {
            tags.put("key-" + i, "value-" + i);
        }
        return tags;
    }

    @Test
    void aDomainIsTaggedListedAndUntagged() {
        tag(domainArn, Map.of("team", "support", "tier", "gold"));
        tag(domainArn, Map.of("tier", "silver"));

        assertThat(list(domainArn)).isEqualTo(Map.of("team", "support", "tier", "silver"));
        assertThat(app.domainService.getDomain(new GetDomain(ALICE, domainId)).tags())
                .isEqualTo(Map.of("team", "support", "tier", "silver"));

        app.tagService.untagResource(new UntagResource(ALICE, domainArn, List.of("tier", "absent")));

        assertThat(list(domainArn)).isEqualTo(Map.of("team", "support"));
    }

    @Test
    void aFieldIsTaggedApartFromItsDomain() {
        String fieldId = app.newField(domainId, "Notes", FieldType.Text);
        String fieldArn = app.arns.field(ALICE.accountId(), domainId, fieldId);

        tag(fieldArn, Map.of("pii", "true"));

        assertThat(list(fieldArn)).isEqualTo(Map.of("pii", "true"));
        assertThat(list(domainArn)).isEmpty();
        assertThat(app.fieldService.batchGetField(new BatchGetField(ALICE, domainId, List.of(fieldId))).fields()
                .get(0).tags()).isEqualTo(Map.of("pii", "true"));

        app.tagService.untagResource(new UntagResource(ALICE, fieldArn, List.of("pii")));

        assertThat(list(fieldArn)).isEmpty();
    }

    @Test
    void systemFieldsCanBeTagged() {
        String statusArn = app.arns.field(ALICE.accountId(), domainId, "status");

        tag(statusArn, Map.of("team", "support"));

        assertThat(list(statusArn)).containsEntry("team", "support");
    }

    @Test
    void anotherAccountsArnIsNotFound() {
        tag(domainArn, Map.of("team", "support"));
        String sameIdOtherAccount = app.arns.domain(BOB.accountId(), domainId);

        assertThatThrownBy(() -> app.tagService.listTagsForResource(new ListTagsForResource(BOB, domainArn)))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> app.tagService.tagResource(new TagResource(BOB, domainArn, Map.of("x", "y"))))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> app.tagService.untagResource(new UntagResource(BOB, domainArn, List.of("team"))))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> list(sameIdOtherAccount)).isInstanceOf(DomainException.NotFound.class);
        assertThat(list(domainArn)).isEqualTo(Map.of("team", "support"));
    }

    @Test
    void keysStartingWithAwsAreInvalidInAnyCase() {
        for (String key : List.of("aws:createdBy", "AWS:team", "Aws:x")) {
            assertThatThrownBy(() -> tag(domainArn, Map.of(key, "v"))).as(key)
                    .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("aws:");
        }
        assertThat(list(domainArn)).isEmpty();
    }

    @Test
    void overlongKeysAndValuesAreInvalid() {
        assertThatThrownBy(() -> tag(domainArn, Map.of("k".repeat(129), "v")))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> tag(domainArn, Map.of("k", "v".repeat(257))))
                .isInstanceOf(DomainException.Invalid.class);
        tag(domainArn, Map.of("k".repeat(128), "v".repeat(256)));

        assertThat(list(domainArn)).hasSize(1);
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        assertThatThrownBy(() -> tag(domainArn, numberedTags(51))).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("50");

        tag(domainArn, numberedTags(50));
        tag(domainArn, Map.of("key-0", "overwritten"));

        assertThat(list(domainArn)).hasSize(50).containsEntry("key-0", "overwritten");
        assertThatThrownBy(() -> tag(domainArn, Map.of("one-more", "v")))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(list(domainArn)).hasSize(50).doesNotContainKey("one-more");
    }

    @Test
    void caseAndRelatedItemArnsAreNotFound() {
        String caseArn = app.arns.caseArn(ALICE.accountId(), domainId, "c1");
        String relatedItemArn = app.arns.relatedItem(ALICE.accountId(), domainId, "c1", "ri1");

        assertThatThrownBy(() -> tag(caseArn, Map.of("x", "y")))
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Case"));
        assertThatThrownBy(() -> list(relatedItemArn)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void arnsOfMissingResourcesAreNotFoundAndGarbageIsInvalid() {
        assertThatThrownBy(() -> list(app.arns.field(ALICE.accountId(), domainId, "no-such-field")))
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Field"));
        assertThatThrownBy(() -> list(app.arns.template(ALICE.accountId(), domainId, "no-such-template")))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> list(app.arns.domain(ALICE.accountId(), "no-such-domain")))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> list(domainArn.replace("us-east-1", "eu-west-1")))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> list("not-an-arn")).isInstanceOf(DomainException.Invalid.class);
    }
}
