package io.opencases.domain.relateditem;

import io.opencases.domain.Require;
import io.opencases.domain.cases.CaseUser;

import java.time.Instant;

/** Something attached to a case: a comment, a contact, a file, an SLA, another case, or custom fields. */
public record RelatedItem(String domainId, String caseId, String relatedItemId, RelatedItemContent content,
                          Instant associationTime, CaseUser createdBy, CaseUser lastUpdatedUser) {
    public RelatedItem {
        Require.nonNull(domainId, "domainId");
        Require.nonNull(caseId, "caseId");
        Require.nonNull(relatedItemId, "relatedItemId");
        Require.nonNull(content, "content");
        Require.nonNull(associationTime, "associationTime");
    }

    public RelatedItemType type() {
        return content.type();
    }

    public RelatedItem withContent(RelatedItemContent newContent, CaseUser updatedBy) {
        return new RelatedItem(domainId, caseId, relatedItemId, newContent, associationTime, createdBy, updatedBy);
    }
}
