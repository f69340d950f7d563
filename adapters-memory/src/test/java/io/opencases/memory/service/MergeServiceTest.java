package io.opencases.memory.service;

import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.event.CaseEventRecorder;
import io.opencases.application.merge.MergeCommands.StartMergeCases;
import io.opencases.application.merge.MergeService;
import io.opencases.application.merge.MergeWakeup;
import io.opencases.application.merge.RepositoryMergeStore;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.relateditem.RelatedItemType;
import io.opencases.memory.MemoryCaseEventOutbox;
import io.opencases.memory.MemoryMergeJobRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.opencases.memory.service.MemoryServices.ALICE;
import static io.opencases.memory.service.MemoryServices.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge step builds its whole outcome before it stores it, so what it decides early must count later: here two
 * contacts of the secondary case that the primary case already has, each bringing tags to the same primary item.
 */
class MergeServiceTest {
    private static final CaseUser AGENT = new CaseUser.CustomEntity("agent");
    private final MemoryServices services = new MemoryServices();
    private final MergeService merges = new MergeService(new RepositoryMergeStore(services.domains, services.fields,
            services.cases, services.relatedItems, services.tags, services.auditLog, new MemoryMergeJobRepository()),
            new CaseEventRecorder(services.domains, new MemoryCaseEventOutbox(), services.context), services.indexing,
            services.context, new MergeWakeup());
    private final String domainId = services.domainService.createDomain(new CreateDomain(ALICE, "d")).domainId();

    private void newCase(String caseId) {
        services.cases.save(new Case(domainId, caseId, "tpl", Map.of("status", new FieldValue.StringValue("open")),
                NOW));
    }

    private RelatedItem contact(String caseId, String itemId, Map<String, String> tags) {
        var item = new RelatedItem(domainId, caseId, itemId, new RelatedItemContent.Contact("arn:contact",
                RelatedItemContent.Contact.UNKNOWN_CHANNEL, NOW), NOW, AGENT, AGENT);
        services.relatedItems.save(item);
        services.tags.put(arn(caseId, itemId), tags);
        return item;
    }

    private String arn(String caseId, String itemId) {
        return services.arns.relatedItem(ALICE.accountId(), domainId, caseId, itemId);
    }

    @Test
    void twoDuplicateContactsAddToThePrimaryContactTheKeysNeitherItNorTheFirstHad() {
        newCase("primary");
        newCase("secondary");
        RelatedItem kept = contact("primary", "kept", Map.of("team", "blue"));
        contact("secondary", "first", Map.of("team", "red", "tier", "gold"));
        contact("secondary", "second", Map.of("tier", "silver", "region", "eu"));

        merges.startMergeCases(new StartMergeCases(ALICE, domainId, "primary", "secondary", null,
                List.of(RelatedItemType.Contact)));
        assertThat(merges.runPending(10)).isEqualTo(1);

        assertThat(services.tags.tags(arn("primary", "kept")))
                .isEqualTo(Map.of("team", "blue", "tier", "gold", "region", "eu"));
        assertThat(services.relatedItems.listForCase(domainId, "primary")).filteredOn(i -> i.type()
                == RelatedItemType.Contact).containsExactly(kept);
        assertThat(services.relatedItems.listForCase(domainId, "secondary")).extracting(RelatedItem::relatedItemId)
                .doesNotContain("first", "second");
        assertThat(services.tags.tags(arn("secondary", "first"))).isEmpty();
        assertThat(services.tags.tags(arn("secondary", "second"))).isEmpty();
    }
}
