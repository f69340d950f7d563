package io.opencases.domain.search;

import io.opencases.domain.Require;
import io.opencases.domain.field.SystemFields;

import java.util.List;

/** One sort key of a case search. */
public record CaseSort(String fieldId, boolean ascending) {
    /** Without sorts, the most recently updated cases come first (the agent UI's order). */
    public static final List<CaseSort> DEFAULT = List.of(new CaseSort(SystemFields.LAST_UPDATED_DATETIME, false));

    public CaseSort {
        Require.nonNull(fieldId, "fieldId");
    }
}
