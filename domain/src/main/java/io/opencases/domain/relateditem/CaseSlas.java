package io.opencases.domain.relateditem;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a case's SLAs in step with its values: an open SLA whose field now holds a target value is completed, and
 * next_sla_breach_datetime is the earliest target time of the SLAs still open (absent when none is). So a case
 * has an open SLA exactly when next_sla_breach_datetime has a value, which lets a case write skip reading its
 * related items when it has none.
 */
public final class CaseSlas {
    private CaseSlas() {
    }

    public static boolean hasOpenSla(Map<String, FieldValue> values) {
        return values.containsKey(SystemFields.NEXT_SLA_BREACH_DATETIME);
    }

    /**
     * Observes {@code values} (mutable; next_sla_breach_datetime updated in place) with the case's related items
     * and returns the SLA items that changed.
     */
    public static List<RelatedItem> observe(List<RelatedItem> items, Map<String, FieldValue> values, Instant now) {
        Instant nextBreach = null;
        var changed = new ArrayList<RelatedItem>();
        for (RelatedItem item : items) {
            if (!(item.content() instanceof RelatedItemContent.Sla sla)) {
                continue;
            }
            RelatedItemContent.Sla observed = sla.observe(values.get(sla.fieldId()), now);
            if (!Objects.equals(observed, sla)) {
                changed.add(item.withContent(observed, item.lastUpdatedUser()));
            }
            if (observed.isOpen() && (nextBreach == null || observed.targetTime().isBefore(nextBreach))) {
                nextBreach = observed.targetTime();
            }
        }
        if (nextBreach == null) {
            values.remove(SystemFields.NEXT_SLA_BREACH_DATETIME);
        } else {
            values.put(SystemFields.NEXT_SLA_BREACH_DATETIME,
                    new FieldValue.StringValue(DateTimeFormatter.ISO_INSTANT.format(nextBreach)));
        }
        return changed;
    }
}
