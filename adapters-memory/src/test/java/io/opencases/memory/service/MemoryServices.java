package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.Caller;
import io.opencases.application.Page;
import io.opencases.application.PageRequest;
import io.opencases.application.Quotas;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.field.FieldCommands.BatchPutFieldOptions;
import io.opencases.application.field.FieldCommands.CreateField;
import io.opencases.application.field.FieldService;
import io.opencases.application.layout.LayoutService;
import io.opencases.application.port.Clock;
import io.opencases.application.port.IdGenerator;
import io.opencases.application.rule.CaseRuleService;
import io.opencases.application.tag.TagService;
import io.opencases.application.template.TemplateService;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.memory.MemoryCaseRuleRepository;
import io.opencases.memory.MemoryDomainRepository;
import io.opencases.memory.MemoryFieldRepository;
import io.opencases.memory.MemoryLayoutRepository;
import io.opencases.memory.MemoryTagRepository;
import io.opencases.memory.MemoryTemplateRepository;
import io.opencases.memory.MemoryUnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every application service wired to fresh in-memory adapters, with a fixed clock and sequential ids. */
final class MemoryServices {
    static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    static final Caller ALICE = Caller.ofAccount("111111111111");
    static final Caller BOB = Caller.ofAccount("222222222222");
    static final PageRequest ALL = new PageRequest(100, null);

    final MemoryDomainRepository domains = new MemoryDomainRepository();
    final MemoryFieldRepository fields = new MemoryFieldRepository();
    final MemoryLayoutRepository layouts = new MemoryLayoutRepository();
    final MemoryTemplateRepository templates = new MemoryTemplateRepository();
    final MemoryCaseRuleRepository caseRules = new MemoryCaseRuleRepository();
    final MemoryTagRepository tags = new MemoryTagRepository();
    final io.opencases.memory.MemoryCaseRepository cases = new io.opencases.memory.MemoryCaseRepository();
    final io.opencases.memory.MemoryAuditLog auditLog = new io.opencases.memory.MemoryAuditLog();
    final io.opencases.memory.MemoryRelatedItemRepository relatedItems =
            new io.opencases.memory.MemoryRelatedItemRepository();
    final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();
    final Clock clock = () -> NOW;
    private final AtomicInteger nextId = new AtomicInteger();
    /** Zero-padded so that ids sort in creation order. */
    final IdGenerator ids = () -> String.format("id-%06d", nextId.incrementAndGet());
    final Arns arns = new Arns("aws", "us-east-1");

    final DomainService domainService;
    final FieldService fieldService;
    final LayoutService layoutService;
    final TemplateService templateService;
    final CaseRuleService caseRuleService;
    final TagService tagService;
    final io.opencases.application.cases.CaseService caseService;
    final io.opencases.application.relateditem.RelatedItemService relatedItemService;
    final io.opencases.application.UseCaseContext context;
    final io.opencases.memory.MemoryCaseStore store;
    final io.opencases.application.search.CaseIndexing indexing;
    final io.opencases.memory.MemoryCaseChangeFeed feed;

    MemoryServices() {
        this(Quotas.AWS_DEFAULTS);
    }

    MemoryServices(Quotas quotas) {
        feed = new io.opencases.memory.MemoryCaseChangeFeed(clock);
        var outbox = new io.opencases.memory.MemoryCaseEventOutbox();
        store = new io.opencases.memory.MemoryCaseStore(domains, fields, templates, caseRules, cases, tags,
                auditLog, relatedItems, outbox, feed, unitOfWork, new io.opencases.memory.MemoryMergeJobRepository());
        var context = new io.opencases.application.UseCaseContext(unitOfWork, clock, ids, arns, quotas,
                new io.opencases.application.casesdomain.DomainConfigurations(store, feed, unitOfWork));
        indexing = new io.opencases.application.search.CaseIndexing(new io.opencases.memory.MemoryCaseIndex(),
                feed, tags, arns, unitOfWork);
        var contents = new io.opencases.memory.MemoryDomainContents(fields, layouts, templates, caseRules, cases,
                relatedItems, auditLog, tags);
        domainService = new DomainService(domains, fields, contents, tags, indexing, context);
        fieldService = new FieldService(domains, fields, tags, context);
        layoutService = new LayoutService(domains, fields, layouts, tags, context);
        templateService = new TemplateService(domains, fields, layouts, templates, caseRules, tags, context);
        caseRuleService = new CaseRuleService(domains, fields, templates, caseRules, tags, context);
        tagService = new TagService(new io.opencases.application.tag.RepositoryTagStore(domains, contents, cases,
                tags), indexing, context);
        this.context = context;
        var events = new io.opencases.application.event.CaseEventRecorder(domains, outbox, context);
        caseService = new io.opencases.application.cases.CaseService(store, context.configurations(), indexing,
                context);
        relatedItemService = new io.opencases.application.relateditem.RelatedItemService(
                new io.opencases.application.relateditem.RepositoryRelatedItemStore(domains, fields, cases,
                        relatedItems, tags, auditLog), events, indexing, context);
    }

    /** Every page of a listing, following its tokens from the first page to the one without a token. */
    static <T> List<List<T>> pages(Function<String, Page<T>> listing) {
        var pages = new ArrayList<List<T>>();
        String token = null;
        do {
            Page<T> page = listing.apply(token);
            pages.add(page.items());
            token = page.nextToken();
        } while (token != null && pages.size() < 1000);
        assertThat(token).as("the listing still had a token after 1000 pages").isNull();
        return pages;
    }

    /** The items of those pages, in order. */
    static <T> List<T> items(List<List<T>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    String newDomain(Caller caller, String name) {
        return domainService.createDomain(new CreateDomain(caller, name)).domainId();
    }

    String newField(String domainId, String name, FieldType type) {
        return fieldService.createField(new CreateField(ALICE, domainId, name, type, null, null)).fieldId();
    }

    String newSingleSelect(String domainId, String name, String... optionValues) {
        String fieldId = newField(domainId, name, FieldType.SingleSelect);
        List<FieldOption> options = Arrays.stream(optionValues).map(v -> new FieldOption(v.toUpperCase(), v, true))
                .toList();
        fieldService.batchPutFieldOptions(new BatchPutFieldOptions(ALICE, domainId, fieldId, options));
        return fieldId;
    }
}
