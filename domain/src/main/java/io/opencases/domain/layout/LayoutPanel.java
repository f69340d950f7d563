package io.opencases.domain.layout;

import io.opencases.domain.Require;

import java.util.List;

/** One panel of a basic layout (top panel or "more info"): its sections, each a field group. */
public record LayoutPanel(List<FieldGroup> sections) {
    public LayoutPanel {
        sections = Require.copy(sections);
    }
}
