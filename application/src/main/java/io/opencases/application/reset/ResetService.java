package io.opencases.application.reset;

import io.opencases.application.Caller;
import io.opencases.application.casesdomain.DomainCommands.DeleteDomain;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.casesdomain.CasesDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The test control plane's reset: erases one account's data, or everyone's, as DeleteDomain would domain by domain
 * (so the search index and the change feed followers drop them too), and drops their undelivered case events.
 */
public final class ResetService {
    private static final int PAGE = 100;

    private final DomainService domainService;
    private final DomainRepository domains;
    private final CaseEventOutbox outbox;
    private final UnitOfWork unitOfWork;

    public ResetService(DomainService domainService, DomainRepository domains, CaseEventOutbox outbox,
                        UnitOfWork unitOfWork) {
        this.domainService = domainService;
        this.domains = domains;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
    }

    /** Erases every domain of the account and everything in it; returns the erased domains' ids. */
    public List<String> resetAccount(String accountId) {
        return erase((after, limit) -> domains.list(accountId, after, limit));
    }

    /** Erases every account's data; returns the erased domains' ids. */
    public List<String> resetAll() {
        return erase(domains::listAll);
    }

    private List<String> erase(BiFunction<String, Integer, List<CasesDomain>> pages) {
        var erased = new ArrayList<String>();
        while (true) {
            // Always the first page: the domains of the previous one are gone.
            List<CasesDomain> page = unitOfWork.read(() -> pages.apply(null, PAGE));
            if (page.isEmpty()) {
                return erased;
            }
            for (CasesDomain domain : page) {
                domainService.deleteDomain(new DeleteDomain(Caller.ofAccount(domain.accountId()),
                        domain.domainId()));
                unitOfWork.write(() -> outbox.discardDomain(domain.domainId()));
                erased.add(domain.domainId());
            }
        }
    }
}
