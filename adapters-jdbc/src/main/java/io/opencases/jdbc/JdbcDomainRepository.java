package io.opencases.jdbc;

import io.opencases.application.port.DomainRepository;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.event.CaseEventConfiguration;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** Domains by id, account and name; the event configuration is a column of the domain's row. */
final class JdbcDomainRepository implements DomainRepository {
    private final Jdbi jdbi;

    JdbcDomainRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(CasesDomain domain) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO domains (domain_id, account_id, name, doc) "
                        + "VALUES (:domainId, :accountId, :name, CAST(:doc AS jsonb))")
                .bind("domainId", domain.domainId())
                .bind("accountId", domain.accountId())
                .bind("name", domain.name())
                .bind("doc", Documents.write(domain))
                .execute());
    }

    @Override
    public Optional<CasesDomain> find(String accountId, String domainId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM domains "
                        + "WHERE domain_id = :domainId AND account_id = :accountId")
                .bind("domainId", domainId)
                .bind("accountId", accountId)
                .map((row, ctx) -> Documents.read(row.getString(1), CasesDomain.class))
                .findOne());
    }

    @Override
    public Optional<CasesDomain> findById(String domainId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM domains WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .map((row, ctx) -> Documents.read(row.getString(1), CasesDomain.class))
                .findOne());
    }

    @Override
    public Optional<CasesDomain> findByName(String accountId, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM domains "
                        + "WHERE account_id = :accountId AND name = :name")
                .bind("accountId", accountId)
                .bind("name", name)
                .map((row, ctx) -> Documents.read(row.getString(1), CasesDomain.class))
                .findOne());
    }

    @Override
    public int countByAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM domains WHERE account_id = :accountId")
                .bind("accountId", accountId)
                .mapTo(int.class)
                .one());
    }

    @Override
    public List<CasesDomain> list(String accountId, String afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM domains "
                        + "WHERE account_id = :accountId AND domain_id > :after ORDER BY domain_id LIMIT :limit")
                .bind("accountId", accountId)
                .bind("after", Rows.after(afterId))
                .bind("limit", limit)
                .map((row, ctx) -> Documents.read(row.getString(1), CasesDomain.class))
                .list());
    }

    @Override
    public List<CasesDomain> listAll(String afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM domains "
                        + "WHERE domain_id > :after ORDER BY domain_id LIMIT :limit")
                .bind("after", Rows.after(afterId))
                .bind("limit", limit)
                .map((row, ctx) -> Documents.read(row.getString(1), CasesDomain.class))
                .list());
    }

    @Override
    public void delete(String domainId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM domains WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .execute());
    }

    @Override
    public Optional<CaseEventConfiguration> findEventConfiguration(String domainId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT event_configuration FROM domains "
                        + "WHERE domain_id = :domainId AND event_configuration IS NOT NULL")
                .bind("domainId", domainId)
                .map((row, ctx) -> Documents.read(row.getString(1), CaseEventConfiguration.class))
                .findOne());
    }

    @Override
    public void saveEventConfiguration(String domainId, CaseEventConfiguration configuration) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE domains SET event_configuration = CAST(:configuration AS jsonb) "
                        + "WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .bind("configuration", Documents.write(configuration))
                .execute());
    }
}
