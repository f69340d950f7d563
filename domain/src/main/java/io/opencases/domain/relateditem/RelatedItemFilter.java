package io.opencases.domain.relateditem;

import io.opencases.domain.search.FieldFilter;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/** One entry of a related-item search's filters (RelatedItemTypeFilter): a type plus conditions on its content. */
public sealed interface RelatedItemFilter {

    boolean test(RelatedItem item, Instant now);

    /** The only type of item this filter can match. */
    RelatedItemType type();

    /** Several filters are ORed; none means every item. */
    static boolean anyMatch(List<RelatedItemFilter> filters, RelatedItem item, Instant now) {
        return filters.isEmpty() || filters.stream().anyMatch(f -> f.test(item, now));
    }

    record ContactFilter(List<String> channels, String contactArn) implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Contact;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            return item.content() instanceof RelatedItemContent.Contact c
                    && (contactArn == null || contactArn.equals(c.contactArn()))
                    && (channels == null || channels.isEmpty() || channels.contains(c.channel()));
        }
    }

    record CommentFilter() implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Comment;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            return item.content() instanceof RelatedItemContent.Comment;
        }
    }

    record FileFilter(String fileArn) implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.File;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            return item.content() instanceof RelatedItemContent.File f
                    && (fileArn == null || fileArn.equals(f.fileArn()));
        }
    }

    record SlaFilter(String name, SlaStatus status) implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Sla;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            return item.content() instanceof RelatedItemContent.Sla s
                    && (name == null || name.equals(s.name()))
                    && (status == null || status == s.status(now));
        }
    }

    record ConnectCaseFilter(String caseId) implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.ConnectCase;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            return item.content() instanceof RelatedItemContent.ConnectCase c
                    && (caseId == null || caseId.equals(c.caseId()));
        }
    }

    /** {@code fields} may be null: every Custom item matches. */
    record CustomFilter(FieldFilter fields) implements RelatedItemFilter {
        @Override
        public RelatedItemType type() {
            return RelatedItemType.Custom;
        }

        @Override
        public boolean test(RelatedItem item, Instant now) {
            if (!(item.content() instanceof RelatedItemContent.Custom custom)) {
                return false;
            }
            var values = new HashMap<String, io.opencases.domain.field.FieldValue>();
            custom.fields().forEach(v -> values.put(v.fieldId(), v.value()));
            return fields == null || fields.test(values, java.util.Map.of());
        }
    }
}
