package io.opencases.application.layout;

import io.opencases.application.Caller;
import io.opencases.application.PageRequest;
import io.opencases.domain.layout.LayoutContent;

/** Inputs and outputs of the layout use cases, one record per operation. */
public final class LayoutCommands {
    private LayoutCommands() {
    }

    public record CreateLayout(Caller caller, String domainId, String name, LayoutContent content) {
    }

    public record LayoutCreated(String layoutId, String layoutArn) {
    }

    public record GetLayout(Caller caller, String domainId, String layoutId) {
    }

    /** Null members keep their current value. */
    public record UpdateLayout(Caller caller, String domainId, String layoutId, String name, LayoutContent content) {
    }

    public record DeleteLayout(Caller caller, String domainId, String layoutId) {
    }

    public record ListLayouts(Caller caller, String domainId, PageRequest page) {
    }
}
