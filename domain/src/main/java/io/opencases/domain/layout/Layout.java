package io.opencases.domain.layout;

import io.opencases.domain.DomainException;
import io.opencases.domain.DomainResource;
import io.opencases.domain.Require;

import java.time.Instant;

/** A case layout: how the agent UI arranges a case's fields. Deletion is soft, as for every domain resource. */
public record Layout(String domainId, String layoutId, String name, LayoutContent content, boolean deleted,
                     Instant createdTime, Instant lastModifiedTime) implements DomainResource {
    public Layout {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(layoutId, "layoutId");
        Require.nonBlank(name, "name");
        Require.nonNull(content, "content");
        Require.nonNull(createdTime, "createdTime");
        Require.nonNull(lastModifiedTime, "lastModifiedTime");
    }

    @Override
    public String id() {
        return layoutId;
    }

    /** Applies an UpdateLayout: null arguments keep the current value. */
    public Layout update(String newName, LayoutContent newContent, Instant now) {
        if (deleted) {
            throw DomainException.invalid("Layout %s is deleted and cannot be updated.", layoutId);
        }
        return new Layout(domainId, layoutId, newName == null ? name : newName,
                newContent == null ? content : newContent, false, createdTime, now);
    }

    public Layout delete(Instant now) {
        return new Layout(domainId, layoutId, name, content, true, createdTime, now);
    }
}
