package io.opencases.application.port;

import java.util.Collection;
import java.util.Map;

/**
 * Tags of any taggable resource, keyed by its ARN. One store for all seven resource types keeps TagResource uniform
 * and lets DeleteDomain drop every tag below the domain's ARN at once.
 */
public interface TagRepository {
    /** The resource's tags; empty when it has none. */
    Map<String, String> tags(String arn);

    /** The tags of each of these resources that has any, by ARN: one lookup for many (rebuilding the index). */
    Map<String, Map<String, String>> tagsOf(Collection<String> arns);

    /** Adds or overwrites these tags. */
    void put(String arn, Map<String, String> tags);

    void remove(String arn, Collection<String> keys);

    /** Drops the tags of {@code arn} and of every ARN below it ({@code arn + "/..."}). */
    void deleteTree(String arn);
}
