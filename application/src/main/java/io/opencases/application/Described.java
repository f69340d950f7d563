package io.opencases.application;

import java.util.Map;

/** A resource as a read returns it: the resource itself, its ARN and its tags. */
public record Described<T>(T resource, String arn, Map<String, String> tags) {
    public Described {
        tags = Map.copyOf(tags);
    }
}
