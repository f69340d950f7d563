package io.opencases.bootstrap;

import io.opencases.application.Arns;
import io.opencases.application.casesdomain.DomainConfigurations;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.UnitOfWork;
import io.opencases.application.search.CaseIndexMaintenance;
import io.opencases.application.search.CaseIndexer;
import io.opencases.application.search.CaseIndexing;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseSort;
import io.opencases.lucene.LuceneCaseIndex;
import io.opencases.memory.MemoryCaseChangeFeed;
import io.opencases.memory.MemoryCaseRepository;
import io.opencases.memory.MemoryDomainRepository;
import io.opencases.memory.MemoryTagRepository;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of the on-disk Lucene index, whose workers add the store's pages from several threads, while cases are
 * created, updated and deleted: after each page the rebuild reads, a burst of writes commits and goes through the
 * indexer thread to both indexes, racing the workers. However they interleave, the rebuilt index must end holding
 * exactly the store's cases, each as its last write left it.
 */
class LuceneRebuildUnderWritesTest {
    private static final String ACCOUNT = "111111111111";
    private static final String DOMAIN = "domain-1";
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    @Test
    void aRebuildUnderWritesEndsWithExactlyTheStoresCases() throws Exception {
        var unitOfWork = new MemoryUnitOfWork();
        var domains = new MemoryDomainRepository();
        var cases = new MemoryCaseRepository();
        var tags = new MemoryTagRepository();
        var feed = new MemoryCaseChangeFeed(() -> T0);
        domains.insert(new CasesDomain(ACCOUNT, DOMAIN, "d", DomainStatus.Active, T0));
        var configurations = new DomainConfigurations(new io.opencases.memory.MemoryCaseStore(domains,
                new io.opencases.memory.MemoryFieldRepository(), new io.opencases.memory.MemoryTemplateRepository(),
                new io.opencases.memory.MemoryCaseRuleRepository(), cases, tags,
                new io.opencases.memory.MemoryAuditLog(), new io.opencases.memory.MemoryRelatedItemRepository(),
                new io.opencases.memory.MemoryCaseEventOutbox(), feed, unitOfWork,
                new io.opencases.memory.MemoryMergeJobRepository()), feed, unitOfWork);
        var random = new Random(3);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 6_000; i++) {
            String id = String.format("case-%05d", i * 2);
            ids.add(id);
            cases.save(aCase(id, "first " + i, random));
        }
        try (var index = LuceneCaseIndex.open(dir.resolve("index"));
             var indexer = new CaseIndexer(index)) {
            var indexing = new CaseIndexing(index, indexer, feed, tags, new Arns("aws", "us-east-1"), unitOfWork);
            new CaseIndexMaintenance(index, feed, cases, domains, indexing, unitOfWork, () -> T0,
                    Duration.ofSeconds(10), configurations).start();
            var writes = new int[1];
            Runnable burst = () -> {
                for (int w = 0; w < 40; w++) {
                    writes[0]++;
                    int op = random.nextInt(10);
                    if (op < 6 && !ids.isEmpty()) {
                        String id = ids.get(random.nextInt(ids.size()));
                        Case changed = aCase(id, "changed " + writes[0], random);
                        unitOfWork.write(() -> {
                            cases.save(changed);
                            indexing.caseChanged(ACCOUNT, changed);
                            return null;
                        });
                    } else if (op < 8) {
                        // Odd ids: new cases anywhere in the store's order, before and after the walk's position.
                        String id = String.format("case-%05d", random.nextInt(6_000) * 2 + 1);
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                        Case created = aCase(id, "created " + writes[0], random);
                        unitOfWork.write(() -> {
                            cases.save(created);
                            indexing.caseChanged(ACCOUNT, created);
                            return null;
                        });
                    } else if (!ids.isEmpty()) {
                        String id = ids.remove(random.nextInt(ids.size()));
                        unitOfWork.write(() -> {
                            cases.delete(DOMAIN, id);
                            indexing.caseDeleted(DOMAIN, id);
                            return null;
                        });
                    }
                }
            };
            var writing = new UnitOfWork() {
                @Override
                public <T> T read(Supplier<T> work) {
                    T result = unitOfWork.read(work);
                    if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Case) {
                        burst.run();
                    }
                    return result;
                }

                @Override
                public <T> T write(Supplier<T> work) {
                    return unitOfWork.write(work);
                }

                @Override
                public void afterCommit(Runnable action) {
                    unitOfWork.afterCommit(action);
                }
            };
            var rebuilding = new CaseIndexMaintenance(index, feed, cases, domains, indexing, writing, () -> T0,
                    Duration.ofSeconds(10), configurations);

            rebuilding.rebuild();

            indexer.awaitIdle();
            assertThat(writes[0]).isGreaterThanOrEqualTo(200);
            assertThat(indexed(index)).isEqualTo(stored(cases));
        }
    }

    private static Case aCase(String id, String title, Random random) {
        return new Case(DOMAIN, id, "template-1", Map.of("title", new FieldValue.StringValue(title),
                "case_id", new FieldValue.StringValue(id),
                "priority", new FieldValue.DoubleValue(random.nextInt(5))), T0);
    }

    private static Map<String, String> indexed(CaseIndex index) {
        var titles = new TreeMap<String, String>();
        for (CaseDocument d : index.search(DOMAIN, new CaseIndex.Query(null, List.of(),
                List.of(new CaseSort("case_id", true)), null, 100_000)).documents()) {
            assertThat(titles.put(d.caseId(), ((FieldValue.StringValue) d.values().get("title")).value()))
                    .as("case %s indexed once", d.caseId()).isNull();
        }
        return titles;
    }

    private static Map<String, String> stored(MemoryCaseRepository cases) {
        var titles = new TreeMap<String, String>();
        for (Case c : cases.listAfter(null, null, 100_000)) {
            titles.put(c.caseId(), ((FieldValue.StringValue) c.values().get("title")).value());
        }
        return titles;
    }
}
