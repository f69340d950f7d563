package io.opencases.jdbc;

import io.opencases.application.port.CaseStore;
import io.opencases.domain.cases.Case;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainStatus;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldType;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.template.Template;
import io.opencases.domain.template.TemplateStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by the first release (schema V1, cases in its format) upgrades at start and keeps working:
 * its domains get configuration version 1, its cases read back and update through the new paths.
 */
class SchemaUpgradeTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String ACCOUNT = "111111111111";

    @Test
    void aFirstReleaseDatabaseUpgradesAndItsCasesStillWork() throws IOException {
        DataSource schema = TestDatabase.freshSchema();
        Flyway.configure().dataSource(schema).locations("classpath:db/migration").target("1").load().migrate();
        // What the first release stored: its own documents, written with Jackson's reflection of the records.
        String golden;
        try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream("/golden/case-v1.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Case stored = CaseCodec.read(golden);
        String domainId = stored.domainId();
        var domain = new CasesDomain(ACCOUNT, domainId, "old", DomainStatus.Active, T0);
        var title = Field.custom(domainId, "title", "title", null, FieldType.Text, null, T0);
        var template = new Template(domainId, stored.templateId(), "t", null, null, List.of(), TemplateStatus.Active,
                List.of(), List.of(), false, T0, T0);
        TestDatabase.execute(schema, "INSERT INTO domains (domain_id, account_id, name, doc) VALUES ('" + domainId
                + "', '" + ACCOUNT + "', 'old', '" + Documents.write(domain) + "')");
        TestDatabase.execute(schema, "INSERT INTO fields (domain_id, id, name, deleted, doc) VALUES ('" + domainId
                + "', 'title', 'title', false, '" + Documents.write(title) + "')");
        TestDatabase.execute(schema, "INSERT INTO templates (domain_id, id, name, deleted, doc) VALUES ('"
                + domainId + "', '" + stored.templateId() + "', 't', false, '" + Documents.write(template) + "')");
        TestDatabase.execute(schema, "INSERT INTO cases (domain_id, case_id, doc) VALUES ('" + domainId + "', '"
                + stored.caseId() + "', '" + golden.replace("'", "''") + "')");

        try (JdbcStorage upgraded = JdbcStorage.on(schema)) {
            CaseStore store = upgraded.caseStore();
            String arn = "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + domainId + "/case/" + stored.caseId();

            var configuration = store.configuration(ACCOUNT, domainId).orElseThrow();
            assertThat(configuration.version()).isEqualTo(1);
            assertThat(configuration.fields()).containsOnlyKeys("title");
            assertThat(store.read(ACCOUNT, domainId, stored.caseId(), arn).orElseThrow().aCase()).contains(stored);

            var outcome = store.update(ACCOUNT, domainId, stored.caseId(), arn, locked -> {
                var values = new java.util.HashMap<>(locked.aCase().values());
                values.put("title", new FieldValue.StringValue("Upgraded"));
                Case after = locked.aCase().withValues(values);
                return new CaseStore.CaseUpdate(after, new AuditEvent("audit-1", domainId, after.caseId(),
                        AuditEventType.CASE_UPDATED, null, T0, List.of(new AuditEvent.Change("title",
                        locked.aCase().values().get("title"), values.get("title"))), null,
                        "arn:aws:iam::111111111111:root"), null, List.of());
            });
            assertThat(outcome).isInstanceOf(CaseStore.Update.Done.class);
            assertThat(store.read(ACCOUNT, domainId, stored.caseId(), arn).orElseThrow().aCase().orElseThrow()
                    .values()).containsEntry("title", new FieldValue.StringValue("Upgraded"));
            assertThat(upgraded.cases().find(domainId, stored.caseId()).orElseThrow().values())
                    .containsEntry("title", new FieldValue.StringValue("Upgraded"));
            assertThat(Map.of("version", store.configuration(ACCOUNT, domainId).orElseThrow().version()))
                    .containsEntry("version", 1L);
        }
    }
}
