package io.opencases.application.cases;

import io.opencases.application.port.RelatedItemRepository;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;

import java.time.Instant;
import java.util.Map;

/** Applies the domain's SLA rules ({@link io.opencases.domain.relateditem.CaseSlas}) to a case's stored items. */
public final class CaseSlas {
    private CaseSlas() {
    }

    /** Updates the SLAs of the case in the store and {@code values} (mutable) in place. */
    public static void refresh(RelatedItemRepository relatedItems, String domainId, String caseId,
                               Map<String, FieldValue> values, Instant now) {
        for (RelatedItem changed : io.opencases.domain.relateditem.CaseSlas.observe(
                relatedItems.listForCase(domainId, caseId), values, now)) {
            relatedItems.save(changed);
        }
    }
}
