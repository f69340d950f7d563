package io.opencases.domain.merge;

import io.opencases.domain.DomainException;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of merging a secondary case into a primary case, as AWS documents StartMergeCases: which merges may
 * start, and what a merge does — the chosen field values move, the chosen related items move with their ids,
 * creators, association times (and tags), a contact or case link the primary already has is not duplicated, the two
 * cases are linked, and the secondary case is closed.
 */
public final class CaseMerge {
    /** At most this many field values on the primary case after a merge (AWS's documented limit). */
    public static final int MAX_FIELD_VALUES = 500;
    private static final String CLOSED = "closed";

    private CaseMerge() {
    }

    /** A related item of the secondary case and the same item on the primary case. */
    public record Move(RelatedItem from, RelatedItem to) {
    }

    /** A contact on both cases: the primary's item stays and gains the tag keys only the secondary's has. */
    public record ContactDuplicate(RelatedItem secondaryItem, RelatedItem primaryItem) {
    }

    /**
     * What a merge changes. {@code dropped} are the secondary's items that are removed rather than moved (links
     * the primary already has, links between the two cases); {@code linkPrimary} / {@code linkSecondary} say whether
     * the primary / secondary case still needs a case link to the other.
     */
    public record Plan(Map<String, FieldValue> primaryValues, Map<String, FieldValue> secondaryValues,
                       List<Move> moves, List<ContactDuplicate> contactDuplicates, List<RelatedItem> dropped,
                       boolean linkPrimary, boolean linkSecondary) {
    }

    /**
     * Fails with a ValidationException naming the member when the merge may not start (AWS: same case, a closed
     * case, different customers, a field that cannot be merged or that the secondary case has no value for, too
     * many values afterwards). {@code definitions} holds the live definitions of the chosen fields.
     */
    public static void check(Case primary, Case secondary, List<String> fieldIds, Map<String, Field> definitions) {
        if (primary.caseId().equals(secondary.caseId())) {
            throw DomainException.invalid("secondaryCaseId: a case cannot be merged into itself.");
        }
        if (isClosed(primary)) {
            throw DomainException.invalid("caseId: the primary case %s is closed; both cases must be open.",
                    primary.caseId());
        }
        if (isClosed(secondary)) {
            throw DomainException.invalid("secondaryCaseId: the secondary case %s is closed; both cases must be "
                    + "open.", secondary.caseId());
        }
        FieldValue primaryCustomer = primary.values().get(SystemFields.CUSTOMER_ID);
        FieldValue secondaryCustomer = secondary.values().get(SystemFields.CUSTOMER_ID);
        if (primaryCustomer != null && secondaryCustomer != null && !primaryCustomer.equals(secondaryCustomer)) {
            throw DomainException.invalid("secondaryCaseId: the two cases have different customers; they must share "
                    + "one, or one of them must have none.");
        }
        var seen = new HashSet<String>();
        var repeated = new TreeSet<String>();
        for (String id : fieldIds) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        if (!repeated.isEmpty()) {
            throw DomainException.invalid("fieldsConfiguration.fieldIds: each field may be listed once; repeated: %s",
                    String.join(", ", repeated));
        }
        for (String id : fieldIds) {
            Field field = definitions.get(id);
            if (field == null || field.deleted()) {
                throw DomainException.invalid("fieldsConfiguration.fieldIds: field %s does not exist or is deleted.",
                        id);
            }
            if (!mergeable(id)) {
                throw DomainException.invalid("fieldsConfiguration.fieldIds: field %s cannot be merged; the server "
                        + "sets it.", id);
            }
            if (!secondary.values().containsKey(id)) {
                throw DomainException.invalid("fieldsConfiguration.fieldIds: the secondary case has no value for "
                        + "field %s.", id);
            }
        }
        var after = new HashSet<>(primary.values().keySet());
        after.addAll(fieldIds);
        if (after.size() > MAX_FIELD_VALUES) {
            throw DomainException.invalid("fieldsConfiguration.fieldIds: the primary case would have %d field "
                    + "values; at most %d are allowed.", after.size(), MAX_FIELD_VALUES);
        }
    }

    /** Fields whose value the server sets (ids, dates, reference, last updater) never move. */
    public static boolean mergeable(String fieldId) {
        return !SystemFields.isServiceOwned(fieldId);
    }

    /**
     * What applying the merge does, against the cases and items as they are when it runs. A chosen field the
     * secondary case no longer has a value for (changed before the merge started running) is left as it is on the
     * primary. {@code stamp} is the merge time as stored in date-time fields.
     */
    public static Plan plan(MergeJob job, Case primary, Case secondary, List<RelatedItem> primaryItems,
                            List<RelatedItem> secondaryItems, String stamp) {
        var primaryValues = new LinkedHashMap<>(primary.values());
        for (String id : job.fieldIds()) {
            FieldValue value = secondary.values().get(id);
            if (value != null && mergeable(id)) {
                primaryValues.put(id, value);
            }
        }
        primaryValues.put(SystemFields.LAST_UPDATED_DATETIME, new FieldValue.StringValue(stamp));
        primaryValues.remove(SystemFields.LAST_UPDATED_USER);

        var secondaryValues = new LinkedHashMap<>(secondary.values());
        secondaryValues.put(SystemFields.STATUS, new FieldValue.StringValue(CLOSED));
        if (!isClosed(secondary)) {
            secondaryValues.put(SystemFields.LAST_CLOSED_DATETIME, new FieldValue.StringValue(stamp));
        }
        secondaryValues.put(SystemFields.LAST_UPDATED_DATETIME, new FieldValue.StringValue(stamp));
        secondaryValues.remove(SystemFields.LAST_UPDATED_USER);

        Set<RelatedItemType> moving = Set.copyOf(job.relatedItemTypes());
        var moves = new ArrayList<Move>();
        var duplicates = new ArrayList<ContactDuplicate>();
        var dropped = new ArrayList<RelatedItem>();
        boolean primaryLinksSecondary = primaryItems.stream().anyMatch(i -> linksTo(i, secondary.caseId()));
        boolean secondaryLinksPrimary = secondaryItems.stream().anyMatch(i -> linksTo(i, primary.caseId()));
        for (RelatedItem item : secondaryItems) {
            if (!moving.contains(item.type())) {
                continue;
            }
            if (item.content() instanceof RelatedItemContent.Contact contact) {
                var same = primaryItems.stream().filter(p -> p.content() instanceof RelatedItemContent.Contact c
                        && c.contactArn().equals(contact.contactArn())).findFirst();
                if (same.isPresent()) {
                    duplicates.add(new ContactDuplicate(item, same.get()));
                    continue;
                }
            }
            if (item.content() instanceof RelatedItemContent.ConnectCase link) {
                // The link between the two cases stays on the secondary; a link the primary has already is not
                // repeated (AWS: the secondary's link is removed instead of moved).
                if (link.caseId().equals(primary.caseId())) {
                    continue;
                }
                boolean already = primaryItems.stream().anyMatch(p -> linksTo(p, link.caseId()))
                        || link.caseId().equals(secondary.caseId());
                if (already) {
                    dropped.add(item);
                    continue;
                }
            }
            moves.add(new Move(item, new RelatedItem(item.domainId(), primary.caseId(), item.relatedItemId(),
                    item.content(), item.associationTime(), item.createdBy(), item.lastUpdatedUser())));
        }
        return new Plan(primaryValues, secondaryValues, moves, duplicates, dropped, !primaryLinksSecondary,
                !secondaryLinksPrimary);
    }

    private static boolean linksTo(RelatedItem item, String caseId) {
        return item.content() instanceof RelatedItemContent.ConnectCase c && Objects.equals(c.caseId(), caseId);
    }

    private static boolean isClosed(Case aCase) {
        return aCase.values().get(SystemFields.STATUS) instanceof FieldValue.StringValue s
                && CLOSED.equals(s.value());
    }
}
