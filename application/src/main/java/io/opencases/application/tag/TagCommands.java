package io.opencases.application.tag;

import io.opencases.application.Caller;

import java.util.List;
import java.util.Map;

/** Inputs of the tagging use cases, one record per operation. */
public final class TagCommands {
    private TagCommands() {
    }

    public record TagResource(Caller caller, String arn, Map<String, String> tags) {
    }

    public record UntagResource(Caller caller, String arn, List<String> tagKeys) {
    }

    public record ListTagsForResource(Caller caller, String arn) {
    }
}
