package io.opencases.application.event;

import io.opencases.application.UseCaseContext;
import io.opencases.application.port.CaseEventOutbox;
import io.opencases.application.port.DomainRepository;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.relateditem.RelatedItem;

import java.time.Instant;
import java.util.List;

/**
 * Turns a change into a case event in the outbox, when the domain's event configuration is enabled. It is called
 * inside the use case's unit of work, so the event commits with the change or not at all.
 */
public final class CaseEventRecorder {
    private final DomainRepository domains;
    private final CaseEventOutbox outbox;
    private final UseCaseContext context;

    public CaseEventRecorder(DomainRepository domains, CaseEventOutbox outbox, UseCaseContext context) {
        this.domains = domains;
        this.outbox = outbox;
        this.context = context;
    }

    public void caseChanged(CasesDomain domain, String eventType, Case aCase, List<String> changedFieldIds,
                            CaseUser user, String principalArn, Instant now) {
        configuration(domain).ifPresent(configuration -> {
            String caseArn = context.arns().caseArn(domain.accountId(), domain.domainId(), aCase.caseId());
            outbox.append(new CaseEvent(context.ids().newId(), domain.accountId(), context.arns().region(),
                    domain.domainId(), aCase.caseId(), eventType, now, List.of(domainArn(domain), caseArn),
                    changedFieldIds, List.of(), user, principalArn, snapshot(aCase, configuration), null));
        });
    }

    public void relatedItemChanged(CasesDomain domain, String eventType, Case aCase, RelatedItem item,
                                   List<String> changedAttributes, CaseUser user, String principalArn, Instant now) {
        configuration(domain).ifPresent(configuration -> {
            String itemArn = context.arns().relatedItem(domain.accountId(), domain.domainId(), item.caseId(),
                    item.relatedItemId());
            boolean content = Boolean.TRUE.equals(configuration.includeRelatedItemContent());
            var snapshot = new CaseEvent.RelatedItemSnapshot(item.type().name(), item.relatedItemId(), item.caseId(),
                    item.associationTime(), content ? item.content() : null);
            outbox.append(new CaseEvent(context.ids().newId(), domain.accountId(), context.arns().region(),
                    domain.domainId(), item.caseId(), eventType, now, List.of(domainArn(domain), itemArn), List.of(),
                    changedAttributes, user, principalArn, snapshot(aCase, configuration), snapshot));
        });
    }

    private java.util.Optional<CaseEventConfiguration> configuration(CasesDomain domain) {
        return domains.findEventConfiguration(domain.domainId()).filter(CaseEventConfiguration::enabled);
    }

    /** Without configured case fields an event carries only the case's identity, as AWS's do. */
    private static CaseEvent.CaseSnapshot snapshot(Case aCase, CaseEventConfiguration configuration) {
        return io.opencases.domain.cases.CaseChange.snapshot(aCase, configuration);
    }

    private String domainArn(CasesDomain domain) {
        return context.arns().domain(domain.accountId(), domain.domainId());
    }
}
