package io.opencases.rest.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.tag.TagCommands.ListTagsForResource;
import io.opencases.application.tag.TagCommands.TagResource;
import io.opencases.application.tag.TagCommands.UntagResource;
import io.opencases.application.tag.TagService;
import io.opencases.rest.OperationHandler;

import java.util.List;
import java.util.Map;

import static io.opencases.rest.WireJson.list;
import static io.opencases.rest.WireJson.object;
import static io.opencases.rest.WireJson.stringMap;
import static io.opencases.rest.WireJson.tags;
import static io.opencases.rest.WireJson.text;

/** Wire mapping of TagResource, UntagResource and ListTagsForResource. */
public final class TagOperations {
    private final TagService service;

    public TagOperations(TagService service) {
        this.service = service;
    }

    public Map<String, OperationHandler> handlers() {
        return Map.of(
                "TagResource", (in, caller) -> {
                    service.tagResource(new TagResource(caller, text(in, "arn"), stringMap(in, "tags")));
                    return null;
                },
                "UntagResource", (in, caller) -> {
                    List<String> keys = list(in, "tagKeys", JsonNode::asText);
                    service.untagResource(new UntagResource(caller, text(in, "arn"), keys == null ? List.of() : keys));
                    return null;
                },
                "ListTagsForResource", (in, caller) -> {
                    ObjectNode out = object();
                    out.set("tags", tags(service.listTagsForResource(new ListTagsForResource(caller,
                            text(in, "arn")))));
                    return out;
                });
    }
}
