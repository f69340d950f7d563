package io.opencases.application.port.contract;

import io.opencases.application.port.TagRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every TagRepository adapter must do; each test tags ARNs of its own fresh domains. */
public interface TagRepositoryContract {

    TagRepository tagRepository();

    private static String newDomainArn() {
        return "arn:aws:cases:us-east-1:123456789012:domain/" + UUID.randomUUID();
    }

    @Test
    default void resourceHasNoTagsByDefault() {
        assertThat(tagRepository().tags(newDomainArn())).isEmpty();
    }

    @Test
    default void putTagsAreReturned() {
        String arn = newDomainArn();
        var tags = Map.of("team", "billing", "cost-center", "42", "empty", "");

        tagRepository().put(arn, tags);

        assertThat(tagRepository().tags(arn)).isEqualTo(tags);
    }

    @Test
    default void tagsOfManyResourcesInOneLookup() {
        String tagged = newDomainArn();
        String other = newDomainArn();
        String untagged = newDomainArn();
        tagRepository().put(tagged, Map.of("team", "a", "tier", "1"));
        tagRepository().put(other, Map.of("team", "b"));

        var found = tagRepository().tagsOf(List.of(tagged, other, untagged));

        assertThat(found).containsOnlyKeys(tagged, other);
        assertThat(found.get(tagged)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "a", "tier", "1"));
        assertThat(found.get(other)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "b"));
        assertThat(tagRepository().tagsOf(List.of())).isEmpty();
    }

    @Test
    default void putMergesWithTheExistingTagsAndOverwritesSameKeys() {
        String arn = newDomainArn();
        tagRepository().put(arn, Map.of("team", "billing", "tier", "gold"));

        tagRepository().put(arn, Map.of("tier", "silver", "region", "emea"));

        assertThat(tagRepository().tags(arn))
                .isEqualTo(Map.of("team", "billing", "tier", "silver", "region", "emea"));
    }

    @Test
    default void removeDropsOnlyTheGivenKeysAndIgnoresUnknownOnes() {
        String arn = newDomainArn();
        tagRepository().put(arn, Map.of("team", "billing", "tier", "gold", "region", "emea"));

        tagRepository().remove(arn, List.of("tier", "no-such-key"));

        assertThat(tagRepository().tags(arn)).isEqualTo(Map.of("team", "billing", "region", "emea"));
    }

    @Test
    default void removingEveryKeyLeavesNoTagsAndTheResourceCanBeTaggedAgain() {
        String arn = newDomainArn();
        tagRepository().put(arn, Map.of("team", "billing", "tier", "gold"));

        tagRepository().remove(arn, List.of("team", "tier"));

        assertThat(tagRepository().tags(arn)).isEmpty();

        tagRepository().put(arn, Map.of("tier", "bronze"));

        assertThat(tagRepository().tags(arn)).isEqualTo(Map.of("tier", "bronze"));
    }

    @Test
    default void removeOnAnUntaggedResourceChangesNothing() {
        String arn = newDomainArn();

        tagRepository().remove(arn, List.of("team"));

        assertThat(tagRepository().tags(arn)).isEmpty();
    }

    @Test
    default void tagsBelongToExactlyOneArn() {
        String domain = newDomainArn();
        String field = domain + "/field/priority";
        tagRepository().put(domain, Map.of("team", "billing"));
        tagRepository().put(field, Map.of("team", "support"));

        assertThat(tagRepository().tags(domain)).isEqualTo(Map.of("team", "billing"));
        assertThat(tagRepository().tags(field)).isEqualTo(Map.of("team", "support"));
        assertThat(tagRepository().tags(domain + "/field/other")).isEmpty();
    }

    @Test
    default void deleteTreeRemovesTheArnAndEverythingBelowItButNotASiblingWithTheSamePrefix() {
        String domain = newDomainArn();
        String field = domain + "/field/priority";
        String relatedItem = domain + "/case/c1/related-item/r1";
        String sibling = domain + "d";
        String siblingField = sibling + "/field/priority";
        String other = newDomainArn();
        for (String arn : List.of(domain, field, relatedItem, sibling, siblingField, other)) {
            tagRepository().put(arn, Map.of("team", "billing"));
        }

        tagRepository().deleteTree(domain);

        assertThat(tagRepository().tags(domain)).isEmpty();
        assertThat(tagRepository().tags(field)).isEmpty();
        assertThat(tagRepository().tags(relatedItem)).isEmpty();
        assertThat(tagRepository().tags(sibling)).isEqualTo(Map.of("team", "billing"));
        assertThat(tagRepository().tags(siblingField)).isEqualTo(Map.of("team", "billing"));
        assertThat(tagRepository().tags(other)).isEqualTo(Map.of("team", "billing"));
    }

    @Test
    default void deleteTreeOfAnUntaggedResourceRemovesItsChildrensTags() {
        String domain = newDomainArn();
        String template = domain + "/template/t1";
        tagRepository().put(template, Map.of("team", "billing"));

        tagRepository().deleteTree(domain);

        assertThat(tagRepository().tags(template)).isEmpty();
    }
}
