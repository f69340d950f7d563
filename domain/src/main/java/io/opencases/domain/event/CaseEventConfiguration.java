package io.opencases.domain.event;

import java.util.List;

/**
 * A domain's case event streaming settings. {@code caseFieldIds} is null when no case data is included, and
 * {@code includeRelatedItemContent} null when no related-item data block was given; both are echoed back as set.
 */
public record CaseEventConfiguration(boolean enabled, List<String> caseFieldIds, Boolean includeRelatedItemContent) {
    public static final CaseEventConfiguration DISABLED = new CaseEventConfiguration(false, null, null);

    public CaseEventConfiguration {
        caseFieldIds = caseFieldIds == null ? null : List.copyOf(caseFieldIds);
    }

    /** The configuration as GetCaseEventConfiguration shows it: fields that no longer exist are dropped. */
    public CaseEventConfiguration withOnlyFields(java.util.function.Predicate<String> live) {
        if (caseFieldIds == null) {
            return this;
        }
        return new CaseEventConfiguration(enabled, caseFieldIds.stream().filter(live).toList(),
                includeRelatedItemContent);
    }
}
