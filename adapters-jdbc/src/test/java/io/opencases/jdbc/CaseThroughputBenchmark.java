package io.opencases.jdbc;

import io.opencases.application.Arns;
import io.opencases.application.Caller;
import io.opencases.application.Quotas;
import io.opencases.application.UseCaseContext;
import io.opencases.application.cases.CaseCommands.CreateCase;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.cases.CaseCommands.GetCase;
import io.opencases.application.cases.CaseService;
import io.opencases.application.casesdomain.DomainCommands.CreateDomain;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.search.CaseIndexing;
import io.opencases.application.template.TemplateCommands.CreateTemplate;
import io.opencases.application.template.TemplateService;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.template.TemplateStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * CreateCase and GetCase through the real services on this storage (search index stubbed out). Not part of the
 * build: {@code mvn -pl adapters-jdbc test -Dtest=CaseThroughputBenchmark -Dopencases.bench=true}
 * [-Dopencases.bench.threads=32 -Dopencases.bench.seconds=10].
 */
@EnabledIfSystemProperty(named = "opencases.bench", matches = "true")
class CaseThroughputBenchmark {
    private static final Caller CALLER = Caller.ofAccount("123456789012");
    private static final boolean TOKENS = !Boolean.getBoolean("opencases.bench.noTokens");
    private static final boolean TAGS = !Boolean.getBoolean("opencases.bench.noTags");

    @Test
    void createAndGetCases() throws Exception {
        int threads = Integer.getInteger("opencases.bench.threads", 32);
        int seconds = Integer.getInteger("opencases.bench.seconds", 10);
        try (JdbcStorage storage = JdbcStorage.on(TestDatabase.freshSchema())) {
            var context = new UseCaseContext(storage.unitOfWork(), Instant::now, () -> UUID.randomUUID().toString(),
                    new Arns("aws", "us-east-1"), Quotas.AWS_DEFAULTS,
                    new io.opencases.application.casesdomain.DomainConfigurations(storage.caseStore(),
                            storage.changeFeed(), storage.unitOfWork()));
            var indexing = new CaseIndexing(new NoIndex(), storage.changeFeed(), storage.tags(),
                    context.arns(), storage.unitOfWork());
            var domains = new DomainService(storage.domains(), storage.fields(), storage.domainContents(),
                    storage.tags(), indexing, context);
            var templates = new TemplateService(storage.domains(), storage.fields(), storage.layouts(),
                    storage.templates(), storage.caseRules(), storage.tags(), context);
            var cases = new CaseService(storage.caseStore(), context.configurations(), indexing, context);
            String domainId = domains.createDomain(new CreateDomain(CALLER, "Bench")).domainId();
            storage.domains().saveEventConfiguration(domainId,
                    new io.opencases.domain.event.CaseEventConfiguration(true, List.of("title"), false));
            String templateId = templates.createTemplate(new CreateTemplate(CALLER, domainId, "Default", null, null,
                    List.of(), TemplateStatus.Active, List.of(), List.of())).templateId();
            var created = new ConcurrentLinkedQueue<String>();
            if (Boolean.getBoolean("opencases.bench.statements")) {
                var statements = new ConcurrentLinkedQueue<String>();
                storage.jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
                    @Override
                    public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                        statements.add(context.getRawSql().replaceAll("\\s+", " "));
                    }
                });
                String caseId = cases.createCase(new CreateCase(CALLER, domainId, templateId, List.of(
                        new FieldWrite("title", new FieldValue.StringValue("One")), new FieldWrite("customer_id",
                        new FieldValue.StringValue("arn:aws:profile:us-east-1:123456789012:domains/d/profiles/p"))),
                        "token", null, Map.of("team", "billing"))).caseId();
                System.out.println("CreateCase statements: " + statements.size());
                statements.forEach(st -> System.out.println("  " + st.substring(0, Math.min(110, st.length()))));
                statements.clear();
                cases.getCase(new GetCase(CALLER, domainId, caseId, List.of("title")));
                System.out.println("GetCase statements: " + statements.size());
                statements.forEach(st -> System.out.println("  " + st.substring(0, Math.min(110, st.length()))));
                storage.jdbi().setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
            }

            run("CreateCase", threads, seconds, storage, n -> created.add(cases.createCase(new CreateCase(CALLER,
                    domainId, templateId, List.of(new FieldWrite("title", new FieldValue.StringValue("Case " + n)),
                    new FieldWrite("customer_id", new FieldValue.StringValue("arn:aws:profile:us-east-1:123456789012:domains/d/profiles/p" + n))),
                    TOKENS ? UUID.randomUUID().toString() : null, new CaseUser.UserArn("arn:aws:connect:::agent/a"),
                    TAGS ? Map.of("team", "billing") : null)).caseId()));

            List<String> ids = new ArrayList<>(created);
            run("GetCase", threads, seconds, storage, n -> cases.getCase(new GetCase(CALLER, domainId,
                    ids.get(ThreadLocalRandom.current().nextInt(ids.size())), List.of("title", "status"))));
        }
    }

    private static void run(String name, int threads, int seconds, JdbcStorage storage, Consumer<Long> operation)
            throws Exception {
        var done = new LongAdder();
        var failed = new LongAdder();
        long retriesBefore = ((JdbcUnitOfWork) storage.unitOfWork()).retries();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    try {
                        operation.accept(n++);
                        done.increment();
                    } catch (RuntimeException e) {
                        if (failed.sum() == 0) {
                            e.printStackTrace();
                        }
                        failed.increment();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d threads, %.0f/s (%d in %.1f s), %d failed, %d retries%n", name, threads,
                done.sum() / elapsed, done.sum(), elapsed, failed.sum(),
                ((JdbcUnitOfWork) storage.unitOfWork()).retries() - retriesBefore);
    }

    private static final class NoIndex implements CaseIndex {
        @Override
        public void upsert(CaseDocument document) {
        }

        @Override
        public void remove(String domainId, String caseId) {
        }

        @Override
        public void removeDomain(String domainId) {
        }

        @Override
        public Hits search(String domainId, Query query) {
            return new Hits(List.of(), 0);
        }

        @Override
        public void clear() {
        }
    }
}
