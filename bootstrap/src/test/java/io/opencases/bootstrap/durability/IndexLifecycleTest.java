package io.opencases.bootstrap.durability;

import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.TestDatabases;
import io.opencases.bootstrap.conformance.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index is a copy of the store that survives restarts, and is rebuilt from the store when it is
 * missing, corrupt, or a rebuild is asked for (--rebuild-index).
 */
class IndexLifecycleTest {
    private static final String CUSTOMER = "arn:aws:profile:us-east-1:111111111111:domains/d/profiles/p";

    @TempDir
    Path dataDir;

    private ServerConfig config(TestDatabases.Database database, boolean rebuild) {
        var base = TestServer.config(TestServer.QUOTAS, true, ServerConfig.Events.DEFAULT);
        return new ServerConfig(base.host(), base.port(), ServerConfig.Storage.POSTGRES, base.region(),
                base.accountId(), base.authEnabled(), base.credentials(), false, base.quotas(), base.events(),
                new ServerConfig.Database(database.url(), database.user(), database.password(), dataDir, 8, rebuild));
    }

    private static List<String> found(ConnectCasesClient cases, String domainId) {
        return cases.searchCases(r -> r.domainId(domainId).searchTerm("lifecycle").maxResults(100)).cases()
                .stream().map(c -> c.caseId()).sorted().toList();
    }

    @Test
    void theIndexSurvivesRestartsAndIsRebuiltWhenCorruptMissingOrAskedFor() throws Exception {
        var database = TestDatabases.newDatabase();
        String domainId;
        var caseIds = new ArrayList<String>();
        try (var server = TestServer.start(config(database, false)); var cases = server.client()) {
            domainId = cases.createDomain(r -> r.name("lifecycle")).domainId();
            String templateId = cases.createTemplate(r -> r.domainId(domainId).name("t")).templateId();
            for (int i = 0; i < 5; i++) {
                caseIds.add(cases.createCase(r -> r.domainId(domainId).templateId(templateId).fields(
                        f -> f.id("title").value(v -> v.stringValue("lifecycle case")),
                        f -> f.id("customer_id").value(v -> v.stringValue(CUSTOMER)))).caseId());
            }
        }
        caseIds.sort(null);
        Path index = dataDir.resolve("index");
        assertThat(index.resolve("segments_1")).doesNotExist();
        try (var files = Files.list(index)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("segments_"));
        }

        // A clean restart: the checkpointed index is reused and caught up.
        try (var server = TestServer.start(config(database, false)); var cases = server.client()) {
            assertThat(found(cases, domainId)).isEqualTo(caseIds);
        }

        // Every index file overwritten with garbage: rebuilt from the store.
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("write.lock")).toList()) {
                Files.write(file, "not a lucene file".getBytes());
            }
        }
        try (var server = TestServer.start(config(database, false)); var cases = server.client()) {
            assertThat(found(cases, domainId)).isEqualTo(caseIds);
        }

        // The index directory gone: rebuilt.
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        try (var server = TestServer.start(config(database, false)); var cases = server.client()) {
            assertThat(found(cases, domainId)).isEqualTo(caseIds);
        }

        // Asked for: rebuilt even though the index is sound.
        try (var server = TestServer.start(config(database, true)); var cases = server.client()) {
            assertThat(found(cases, domainId)).isEqualTo(caseIds);
        }
    }
}
