package io.opencases.domain.layout;

import io.opencases.domain.DomainException;
import io.opencases.domain.field.SystemFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The basic layout: a top panel and a "more info" panel, either of which may be absent. Title and Status are always
 * shown in the case header, so AWS rejects them here; a field may appear only once.
 */
public record LayoutContent(LayoutPanel topPanel, LayoutPanel moreInfo) {
    public LayoutContent {
        var seen = new HashSet<String>();
        for (String id : fieldIds(topPanel, moreInfo)) {
            if (SystemFields.isLayoutExcluded(id)) {
                throw DomainException.invalid("content: the %s field cannot be part of a layout.", id);
            }
            if (!seen.add(id)) {
                throw DomainException.invalid("content: field %s appears more than once in the layout.", id);
            }
        }
    }

    /** Every field id the layout places, in order. */
    public List<String> fieldIds() {
        return fieldIds(topPanel, moreInfo);
    }

    /** The layout as reads show it: field ids the predicate rejects (deleted fields) are dropped silently. */
    public LayoutContent retainFields(java.util.function.Predicate<String> keep) {
        return new LayoutContent(retain(topPanel, keep), retain(moreInfo, keep));
    }

    private static LayoutPanel retain(LayoutPanel panel, java.util.function.Predicate<String> keep) {
        if (panel == null) {
            return null;
        }
        return new LayoutPanel(panel.sections().stream()
                .map(g -> new FieldGroup(g.name(), g.fieldIds().stream().filter(keep).toList()))
                .toList());
    }

    private static List<String> fieldIds(LayoutPanel... panels) {
        var ids = new ArrayList<String>();
        Stream.of(panels).filter(p -> p != null)
                .flatMap(p -> p.sections().stream())
                .forEach(g -> ids.addAll(g.fieldIds()));
        return ids;
    }
}
