package io.opencases.application.port.contract;

import io.opencases.application.port.AuditLog;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.CaseStore;
import io.opencases.application.port.CaseStore.CaseUpdate;
import io.opencases.application.port.CaseStore.ClientToken;
import io.opencases.application.port.CaseStore.Creation;
import io.opencases.application.port.CaseStore.NewCase;
import io.opencases.application.port.CaseStore.Update;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TemplateRepository;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.rule.CaseRuleDetails;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every CaseStore adapter must do: configurations with a version that moves on every change, and the
 * one-call case writes and reads, all or nothing. The repositories set up domains and look behind the store.
 */
public interface CaseStoreContract {
    Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    String ACCOUNT = "111111111111";

    CaseStore caseStore();

    DomainRepository domainRepository();

    FieldRepository fieldRepository();

    TemplateRepository templateRepository();

    CaseRuleRepository caseRuleRepository();

    RelatedItemRepository relatedItemRepository();

    AuditLog auditLogRepository();

    CaseChangeFeed changeFeedRepository();

    io.opencases.application.port.MergeJobRepository mergeJobRepository();

    private String newDomain() {
        String domainId = UUID.randomUUID().toString();
        domainRepository().insert(new CasesDomain(ACCOUNT, domainId, "d-" + domainId, DomainStatus.Active, T0));
        fieldRepository().save(Field.custom(domainId, "title", "title", null, FieldType.Text, null, T0));
        templateRepository().save(new Template(domainId, "tpl", "Template", null, null, List.of(),
                TemplateStatus.Active, List.of(), List.of(), false, T0, T0));
        return domainId;
    }

    private static String arn(String domainId, String caseId) {
        return "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + domainId + "/case/" + caseId;
    }

    private static Case aCase(String domainId, String caseId, String title) {
        return new Case(domainId, caseId, "tpl", Map.of("title", new FieldValue.StringValue(title),
                "amount", new FieldValue.DoubleValue(-0.0), "urgent", new FieldValue.BooleanValue(true),
                "owner", new FieldValue.UserArnValue("arn:aws:connect:::agent/a")), T0);
    }

    private static AuditEvent audit(Case aCase, AuditEventType type) {
        return new AuditEvent(UUID.randomUUID().toString(), aCase.domainId(), aCase.caseId(), type, null, T0,
                List.of(new AuditEvent.Change("title", null, aCase.values().get("title"))),
                new CaseUser.CustomEntity("job"), "arn:aws:iam::111111111111:root");
    }

    private NewCase newCase(String domainId, long version, String caseId, ClientToken token) {
        Case aCase = aCase(domainId, caseId, "Broken");
        return new NewCase(ACCOUNT, version, aCase, arn(domainId, caseId), token, T0.minusSeconds(3600),
                Map.of("team", "blue", "env", "prod"), audit(aCase, AuditEventType.CASE_CREATED), null);
    }

    private long version(String domainId) {
        return caseStore().configuration(ACCOUNT, domainId).orElseThrow().version();
    }

    @Test
    default void theConfigurationHoldsTheWholeDomainAndItsVersionMovesOnEveryChange() {
        String domainId = newDomain();
        var configuration = caseStore().configuration(ACCOUNT, domainId).orElseThrow();
        assertThat(configuration.domain().domainId()).isEqualTo(domainId);
        assertThat(configuration.fields()).containsOnlyKeys("title");
        assertThat(configuration.templates()).containsOnlyKeys("tpl");
        assertThat(caseStore().configuration("222222222222", domainId)).isEmpty();
        assertThat(caseStore().configuration(ACCOUNT, UUID.randomUUID().toString())).isEmpty();

        long v0 = version(domainId);
        fieldRepository().save(Field.custom(domainId, "pick", "pick", null, FieldType.SingleSelect, null, T0));
        long v1 = version(domainId);
        fieldRepository().saveOptions(domainId, "pick", List.of(new FieldOption("A", "a", true)));
        long v2 = version(domainId);
        caseRuleRepository().save(new CaseRule(domainId, "rule", "rule", null,
                new CaseRuleDetails.Required(false, List.of()), false, T0, T0));
        long v3 = version(domainId);
        templateRepository().save(new Template(domainId, "tpl2", "Template 2", null, null, List.of("pick"),
                TemplateStatus.Inactive, List.of(), List.of(), false, T0, T0));
        long v4 = version(domainId);
        domainRepository().saveEventConfiguration(domainId, new CaseEventConfiguration(true, List.of("title"), null));
        long v5 = version(domainId);

        assertThat(List.of(v0, v1, v2, v3, v4, v5)).isSorted().doesNotHaveDuplicates();
        var latest = caseStore().configuration(ACCOUNT, domainId).orElseThrow();
        assertThat(latest.options("pick")).containsExactly(new FieldOption("A", "a", true));
        assertThat(latest.caseRules()).containsOnlyKeys("rule");
        assertThat(latest.templates()).containsOnlyKeys("tpl", "tpl2");
        assertThat(latest.eventConfiguration().enabled()).isTrue();
    }

    @Test
    default void aCreatedCaseIsReadBackWithItsTagsAuditEventAndFeedEntry() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        NewCase created = newCase(domainId, version(domainId), caseId, null);
        long head = changeFeedRepository().head();

        var creation = caseStore().create(created);

        assertThat(creation).isInstanceOf(Creation.Created.class);
        long position = ((Creation.Created) creation).feedPosition();
        assertThat(position).isGreaterThan(head);
        var read = caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow();
        assertThat(read.aCase()).contains(created.aCase());
        assertThat(read.tags()).isEqualTo(Map.of("team", "blue", "env", "prod"));
        assertThat(read.configurationVersion()).isEqualTo(created.configurationVersion());
        assertThat(auditLogRepository().events(domainId, caseId, 0, 10)).containsExactly(created.auditEvent());
        assertThat(changeFeedRepository().after(head, 1000)).anyMatch(c -> c.position() == position
                && caseId.equals(c.caseId()));
    }

    @Test
    default void readsTellAMissingDomainFromAMissingCase() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();

        assertThat(caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase())
                .isEmpty();
        assertThat(caseStore().read("222222222222", domainId, caseId, arn(domainId, caseId))).isEmpty();
    }

    @Test
    default void aCreateValidatedAgainstAnOlderConfigurationOrAnotherAccountStoresNothing() {
        String domainId = newDomain();
        long validated = version(domainId);
        fieldRepository().save(Field.custom(domainId, "new", "new", null, FieldType.Text, null, T0));
        String caseId = UUID.randomUUID().toString();

        var moved = caseStore().create(newCase(domainId, validated, caseId, null));
        var foreign = caseStore().create(new NewCase("222222222222", version(domainId),
                aCase(domainId, caseId, "x"), arn(domainId, caseId), null, T0, Map.of(),
                audit(aCase(domainId, caseId, "x"), AuditEventType.CASE_CREATED), null));

        assertThat(moved).isEqualTo(new Creation.ConfigurationMoved(version(domainId)));
        assertThat(foreign).isEqualTo(new Creation.DomainGone());
        var read = caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow();
        assertThat(read.aCase()).isEmpty();
        assertThat(read.tags()).isEmpty();
        assertThat(auditLogRepository().events(domainId, caseId, 0, 10)).isEmpty();
    }

    @Test
    default void aClientTokenNamesOneCaseUntilItExpires() {
        String domainId = newDomain();
        long version = version(domainId);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        var token = new ClientToken("retry-me", "fingerprint", first, T0);

        assertThat(caseStore().create(newCase(domainId, version, first, token)))
                .isInstanceOf(Creation.Created.class);
        var again = caseStore().create(newCase(domainId, version, second,
                new ClientToken("retry-me", "other", second, T0.plusSeconds(1))));

        assertThat(again).isEqualTo(new Creation.TokenUsed(token));
        assertThat(caseStore().clientToken(domainId, "retry-me")).contains(token);
        assertThat(caseStore().read(ACCOUNT, domainId, second, arn(domainId, second)).orElseThrow().aCase())
                .isEmpty();

        // Expired (created before tokenExpiredBefore): the token is taken over by the new case.
        var later = new NewCase(ACCOUNT, version, aCase(domainId, second, "later"), arn(domainId, second),
                new ClientToken("retry-me", "later", second, T0.plusSeconds(7200)), T0.plusSeconds(1), Map.of(),
                audit(aCase(domainId, second, "later"), AuditEventType.CASE_CREATED), null);
        assertThat(caseStore().create(later)).isInstanceOf(Creation.Created.class);
        assertThat(caseStore().clientToken(domainId, "retry-me")).map(ClientToken::caseId).contains(second);
    }

    @Test
    default void anUpdateStoresTheDecidedCaseAndAFailingOneNothing() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        NewCase created = newCase(domainId, version(domainId), caseId, null);
        caseStore().create(created);
        Case changed = created.aCase().withValues(Map.of("title", new FieldValue.StringValue("Fixed")));
        AuditEvent audit = audit(changed, AuditEventType.CASE_UPDATED);

        var outcome = caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
            assertThat(locked.aCase()).isEqualTo(created.aCase());
            assertThat(locked.configurationVersion()).isEqualTo(created.configurationVersion());
            return new CaseUpdate(changed, audit, null, List.of());
        });

        assertThat(outcome).isInstanceOf(Update.Done.class);
        assertThat(((Update.Done) outcome).updated().tags()).isEqualTo(Map.of("team", "blue", "env", "prod"));
        assertThat(caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase())
                .contains(changed);
        assertThat(auditLogRepository().events(domainId, caseId, 0, 10))
                .containsExactly(created.auditEvent(), audit);

        assertThatThrownBy(() -> caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
            throw new IllegalArgumentException("invalid");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase())
                .contains(changed);
        assertThat(caseStore().update(ACCOUNT, domainId, "nope", arn(domainId, "nope"), locked -> {
            throw new AssertionError("no case to change");
        })).isEqualTo(new Update.CaseGone());
        assertThat(caseStore().update("222222222222", domainId, caseId, arn(domainId, caseId), locked -> {
            throw new AssertionError("no domain to change in");
        })).isEqualTo(new Update.DomainGone());
    }

    @Test
    default void anUpdateReadsAndSavesTheCasesRelatedItems() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        NewCase created = newCase(domainId, version(domainId), caseId, null);
        caseStore().create(created);
        var sla = new RelatedItem(domainId, caseId, "sla-1", new RelatedItemContent.Sla("s", "title",
                List.of(new FieldValue.StringValue("Fixed")), T0.plusSeconds(60), null), T0,
                new CaseUser.CustomEntity("job"), new CaseUser.CustomEntity("job"));
        relatedItemRepository().save(sla);
        var completed = sla.withContent(new RelatedItemContent.Sla("s", "title",
                List.of(new FieldValue.StringValue("Fixed")), T0.plusSeconds(60), T0.plusSeconds(5)),
                new CaseUser.CustomEntity("job"));

        caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
            assertThat(locked.relatedItems().get()).containsExactly(sla);
            return new CaseUpdate(locked.aCase(), audit(locked.aCase(), AuditEventType.CASE_UPDATED), null,
                    List.of(completed));
        });

        assertThat(relatedItemRepository().listForCase(domainId, caseId)).containsExactly(completed);
    }

    /** An update that finds its cached configuration out of date reads the current one under the case's lock. */
    @Test
    default void theLockedCaseReadsTheConfigurationAsItIsNow() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        long before = version(domainId);
        caseStore().create(newCase(domainId, before, caseId, null));
        fieldRepository().save(Field.custom(domainId, "added", "added", null, FieldType.Text, null, T0));
        var seen = new ArrayList<io.opencases.domain.casesdomain.DomainConfiguration>();

        caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
            seen.add(locked.configuration().get());
            return new CaseUpdate(locked.aCase(), audit(locked.aCase(), AuditEventType.CASE_UPDATED), null,
                    List.of());
        });

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).version()).isGreaterThan(before).isEqualTo(version(domainId));
        assertThat(seen.get(0).fields()).containsKey("added");
    }

    /** The guard of StartMergeCases on the hot path: the locked case says which running merge takes it away. */
    @Test
    default void anUpdateSeesTheRunningMergeItsCaseIsTheSecondaryOf() {
        String domainId = newDomain();
        String primary = UUID.randomUUID().toString();
        String secondary = UUID.randomUUID().toString();
        caseStore().create(newCase(domainId, version(domainId), primary, null));
        caseStore().create(newCase(domainId, version(domainId), secondary, null));
        var job = new io.opencases.domain.merge.MergeJob(ACCOUNT, domainId, UUID.randomUUID().toString(), primary,
                secondary, List.of(), List.of(), io.opencases.domain.merge.MergeStatus.IN_PROGRESS,
                "arn:aws:iam::111111111111:root", T0, null);
        mergeJobRepository().save(job);
        var seen = new ArrayList<java.util.Optional<String>>();
        java.util.function.Consumer<String> update = caseId -> caseStore().update(ACCOUNT, domainId, caseId,
                arn(domainId, caseId), locked -> {
                    seen.add(locked.mergingInto());
                    return new CaseUpdate(locked.aCase(), audit(locked.aCase(), AuditEventType.CASE_UPDATED), null,
                            List.of());
                });

        update.accept(secondary);
        update.accept(primary);
        mergeJobRepository().save(job.completed(T0.plusSeconds(1)));
        update.accept(secondary);

        assertThat(seen).containsExactly(java.util.Optional.of(primary), java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    /** Concurrent updates of one case queue on it: each sees the one before, none is lost. */
    @Test
    default void concurrentUpdatesOfOneCaseLoseNothing() throws Exception {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        caseStore().create(newCase(domainId, version(domainId), caseId, null));
        int writers = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        var start = new CountDownLatch(1);
        try {
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
                            double count = locked.aCase().values().get("amount")
                                    instanceof FieldValue.DoubleValue d ? d.value() : 0;
                            var values = new java.util.HashMap<>(locked.aCase().values());
                            values.put("amount", new FieldValue.DoubleValue(count + 1));
                            Case next = locked.aCase().withValues(values);
                            return new CaseUpdate(next, audit(next, AuditEventType.CASE_UPDATED), null, List.of());
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Case last = caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase()
                .orElseThrow();
        assertThat(last.values().get("amount")).isEqualTo(new FieldValue.DoubleValue(writers * each));
        assertThat(auditLogRepository().events(domainId, caseId, 0, 1000)).hasSize(1 + writers * each);
    }

    /**
     * A refused change among concurrent updates of one case fails only its own call: the others are stored, each
     * from the case as the one before left it, each with its own feed position, and the refusal reaches its caller.
     */
    @Test
    default void aRefusedChangeAmongConcurrentUpdatesFailsOnlyItsOwnCall() throws Exception {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        caseStore().create(newCase(domainId, version(domainId), caseId, null));
        int writers = 8;
        int each = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        var start = new CountDownLatch(1);
        var positions = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
        var refusals = new java.util.concurrent.atomic.AtomicInteger();
        try {
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        boolean refuse = i % 3 == 2;
                        try {
                            var outcome = caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId),
                                    locked -> {
                                        if (refuse) {
                                            throw new IllegalArgumentException("refused");
                                        }
                                        double count = locked.aCase().values().get("amount")
                                                instanceof FieldValue.DoubleValue d ? d.value() : 0;
                                        var values = new java.util.HashMap<>(locked.aCase().values());
                                        values.put("amount", new FieldValue.DoubleValue(count + 1));
                                        Case next = locked.aCase().withValues(values);
                                        return new CaseUpdate(next, audit(next, AuditEventType.CASE_UPDATED),
                                                null, List.of());
                                    });
                            assertThat(refuse).isFalse();
                            positions.add(((Update.Done) outcome).updated().feedPosition());
                        } catch (IllegalArgumentException refused) {
                            assertThat(refuse).isTrue();
                            assertThat(refused).hasMessage("refused");
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int accepted = writers * each - refusals.get();
        assertThat(refusals.get()).isEqualTo(writers * (each / 3));
        assertThat(positions).hasSize(accepted);
        Case last = caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase()
                .orElseThrow();
        assertThat(last.values().get("amount")).isEqualTo(new FieldValue.DoubleValue(accepted));
        assertThat(auditLogRepository().events(domainId, caseId, 0, 1000)).hasSize(1 + accepted);
    }

    /** DeleteCase in one call: the case, its history, related items and tags go, and a feed entry records it. */
    @Test
    default void aDeletionRemovesTheCaseWithEverythingOnItOrNothing() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        NewCase created = newCase(domainId, version(domainId), caseId, null);
        caseStore().create(created);
        var item = new RelatedItem(domainId, caseId, "item-1", new RelatedItemContent.Comment("hello", "Text/Plain"),
                T0, new CaseUser.CustomEntity("job"), new CaseUser.CustomEntity("job"));
        relatedItemRepository().save(item);

        assertThatThrownBy(() -> caseStore().delete(ACCOUNT, domainId, caseId, arn(domainId, caseId), doomed -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow().aCase())
                .isPresent();

        long head = changeFeedRepository().head();
        var seen = new ArrayList<CaseStore.DoomedCase>();
        var configurationVersions = new ArrayList<Long>();
        var outcome = caseStore().delete(ACCOUNT, domainId, caseId, arn(domainId, caseId), doomed -> {
            seen.add(doomed);
            configurationVersions.add(doomed.configuration().get().version());
            return null;
        });

        assertThat(seen).singleElement().satisfies(doomed -> {
            assertThat(doomed.aCase()).isEqualTo(created.aCase());
            assertThat(doomed.configurationVersion()).isEqualTo(version(domainId));
            assertThat(doomed.runningMerge()).isEmpty();
        });
        assertThat(configurationVersions).containsExactly(version(domainId));
        long position = ((CaseStore.Deletion.Deleted) outcome).feedPosition();
        assertThat(changeFeedRepository().after(head, 1000)).anyMatch(c -> c.position() == position
                && caseId.equals(c.caseId()));
        var read = caseStore().read(ACCOUNT, domainId, caseId, arn(domainId, caseId)).orElseThrow();
        assertThat(read.aCase()).isEmpty();
        assertThat(read.tags()).isEmpty();
        assertThat(auditLogRepository().events(domainId, caseId, 0, 10)).isEmpty();
        assertThat(relatedItemRepository().listForCase(domainId, caseId)).isEmpty();
        assertThat(caseStore().delete(ACCOUNT, domainId, caseId, arn(domainId, caseId), doomed -> {
            throw new AssertionError("no case to delete");
        })).isEqualTo(new CaseStore.Deletion.CaseGone());
        assertThat(caseStore().delete("222222222222", domainId, caseId, arn(domainId, caseId), doomed -> {
            throw new AssertionError("no domain to delete in");
        })).isEqualTo(new CaseStore.Deletion.DomainGone());
    }

    /** Neither case of a running merge may be deleted: the doomed case says which merge it is part of. */
    @Test
    default void aDeletionSeesTheRunningMergeItsCaseTakesPartIn() {
        String domainId = newDomain();
        String primary = UUID.randomUUID().toString();
        String secondary = UUID.randomUUID().toString();
        caseStore().create(newCase(domainId, version(domainId), primary, null));
        caseStore().create(newCase(domainId, version(domainId), secondary, null));
        mergeJobRepository().save(new io.opencases.domain.merge.MergeJob(ACCOUNT, domainId,
                UUID.randomUUID().toString(), primary, secondary, List.of(), List.of(),
                io.opencases.domain.merge.MergeStatus.IN_PROGRESS, "arn:aws:iam::111111111111:root", T0, null));

        for (String caseId : List.of(primary, secondary)) {
            assertThatThrownBy(() -> caseStore().delete(ACCOUNT, domainId, caseId, arn(domainId, caseId), doomed -> {
                assertThat(doomed.runningMerge()).contains(new CaseStore.RunningMerge(primary, secondary));
                throw new IllegalStateException("merging");
            })).hasMessage("merging");
        }
        assertThat(caseStore().read(ACCOUNT, domainId, secondary, arn(domainId, secondary)).orElseThrow().aCase())
                .isPresent();
    }

    /** GetCaseAuditEvents in one call: the domain and case checks and a page of the history. */
    @Test
    default void auditEventsAreReadAPageAtATimeWithTheDomainAndCaseChecks() {
        String domainId = newDomain();
        String caseId = UUID.randomUUID().toString();
        NewCase created = newCase(domainId, version(domainId), caseId, null);
        caseStore().create(created);
        var audits = new ArrayList<AuditEvent>();
        audits.add(created.auditEvent());
        for (int i = 0; i < 4; i++) {
            caseStore().update(ACCOUNT, domainId, caseId, arn(domainId, caseId), locked -> {
                var audit = audit(locked.aCase(), AuditEventType.CASE_UPDATED);
                audits.add(audit);
                return new CaseUpdate(locked.aCase(), audit, null, List.of());
            });
        }

        assertThat(caseStore().auditEvents(ACCOUNT, domainId, caseId, 0, 3).orElseThrow())
                .isEqualTo(new CaseStore.AuditRead(true, audits.subList(0, 3)));
        assertThat(caseStore().auditEvents(ACCOUNT, domainId, caseId, 3, 3).orElseThrow())
                .isEqualTo(new CaseStore.AuditRead(true, audits.subList(3, 5)));
        assertThat(caseStore().auditEvents(ACCOUNT, domainId, "nope", 0, 3).orElseThrow())
                .isEqualTo(new CaseStore.AuditRead(false, List.of()));
        assertThat(caseStore().auditEvents("222222222222", domainId, caseId, 0, 3)).isEmpty();
    }
}
