package io.opencases.application.search;

import io.opencases.application.Arns;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.TagRepository;
import io.opencases.domain.cases.Case;
import io.opencases.domain.search.CaseDocument;

/** Keeps the case index in step with the store; called in the same unit of work as each change to a case. */
public final class CaseIndexing {
    private final CaseIndex index;
    private final TagRepository tags;
    private final Arns arns;

    public CaseIndexing(CaseIndex index, TagRepository tags, Arns arns) {
        this.index = index;
        this.tags = tags;
        this.arns = arns;
    }

    public void caseChanged(String accountId, Case aCase) {
        var caseTags = tags.tags(arns.caseArn(accountId, aCase.domainId(), aCase.caseId()));
        index.upsert(new CaseDocument(aCase.domainId(), aCase.caseId(), aCase.templateId(), aCase.values(),
                caseTags));
    }

    public void caseDeleted(String domainId, String caseId) {
        index.remove(domainId, caseId);
    }

    public void domainDeleted(String domainId) {
        index.removeDomain(domainId);
    }
}
