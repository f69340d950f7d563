package io.opencases.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opencases.application.port.FieldRepository;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Fields, and each field's options as one JSON array (read and replaced whole, so one statement each). */
final class JdbcFieldRepository extends JdbcDomainResourceRepository<Field> implements FieldRepository {
    private static final TypeReference<List<FieldOption>> OPTIONS = new TypeReference<>() {
    };

    JdbcFieldRepository(Jdbi jdbi) {
        super(jdbi, "fields", Field.class);
    }

    @Override
    public List<FieldOption> options(String domainId, String fieldId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT options FROM field_options "
                        + "WHERE domain_id = :domainId AND field_id = :fieldId")
                .bind("domainId", domainId)
                .bind("fieldId", fieldId)
                .map((row, ctx) -> Documents.read(row.getString(1), OPTIONS))
                .findOne()
                .orElse(List.of()));
    }

    @Override
    public void saveOptions(String domainId, String fieldId, List<FieldOption> options) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO field_options (domain_id, field_id, options) "
                        + "VALUES (:domainId, :fieldId, CAST(:options AS jsonb)) "
                        + "ON CONFLICT (domain_id, field_id) DO UPDATE SET options = excluded.options")
                .bind("domainId", domainId)
                .bind("fieldId", fieldId)
                .bind("options", Documents.write(options, OPTIONS))
                .execute());
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        jdbi.useHandle(h -> h.createUpdate("WITH options AS (DELETE FROM field_options WHERE domain_id = :domainId) "
                        + "DELETE FROM fields WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .execute());
    }
}
