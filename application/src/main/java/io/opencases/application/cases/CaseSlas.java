package io.opencases.application.cases;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.field.SystemFields;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a case's SLAs in step with its values: an open SLA whose field now holds a target value is completed, and
 * next_sla_breach_datetime is the earliest target time of the SLAs still open (absent when none is).
 */
public final class CaseSlas {
    private CaseSlas() {
    }

    /** Updates the SLAs of the case in the store and {@code values} (mutable) in place. */
    public static void refresh(RelatedItemRepository relatedItems, String domainId, String caseId,
                               Map<String, FieldValue> values, Instant now) {
        Instant nextBreach = null;
        for (RelatedItem item : relatedItems.listForCase(domainId, caseId)) {
            if (!(item.content() instanceof RelatedItemContent.Sla sla)) {
                continue;
            }
            RelatedItemContent.Sla observed = sla.observe(values.get(sla.fieldId()), now);
            if (!Objects.equals(observed, sla)) {
                relatedItems.save(item.withContent(observed, item.lastUpdatedUser()));
            }
            if (observed.isOpen()) {
                nextBreach = nextBreach == null ? observed.targetTime()
                        : java.util.Collections.min(java.util.List.of(nextBreach, observed.targetTime()),
                        Comparator.naturalOrder());
            }
        }
        if (nextBreach == null) {
            values.remove(SystemFields.NEXT_SLA_BREACH_DATETIME);
        } else {
            values.put(SystemFields.NEXT_SLA_BREACH_DATETIME,
                    new FieldValue.StringValue(DateTimeFormatter.ISO_INSTANT.format(nextBreach)));
        }
    }
}
