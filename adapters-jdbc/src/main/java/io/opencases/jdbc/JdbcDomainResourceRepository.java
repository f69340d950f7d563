package io.opencases.jdbc;

import io.opencases.application.port.DomainResourceRepository;
import io.opencases.domain.DomainResource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Any named, soft-deletable domain resource: one table per kind, all of the same shape (see V1__storage.sql).
 * Listing is a keyset range scan of the partial index over live ids.
 */
class JdbcDomainResourceRepository<T extends DomainResource> implements DomainResourceRepository<T> {
    protected final Jdbi jdbi;
    private final RowMapper<T> documents;
    private final String save;
    private final String find;
    private final String findAll;
    private final String findLiveByName;
    private final String countLive;
    private final String listLive;
    private final String deleteAllInDomain;

    JdbcDomainResourceRepository(Jdbi jdbi, String table, Class<T> type) {
        this.jdbi = jdbi;
        this.documents = (row, ctx) -> Documents.read(row.getString(1), type);
        this.save = "INSERT INTO " + table + " (domain_id, id, name, deleted, doc) "
                + "VALUES (:domainId, :id, :name, :deleted, CAST(:doc AS jsonb)) ON CONFLICT (domain_id, id) "
                + "DO UPDATE SET name = excluded.name, deleted = excluded.deleted, doc = excluded.doc";
        this.find = "SELECT doc FROM " + table + " WHERE domain_id = :domainId AND id = :id";
        this.findAll = "SELECT doc FROM " + table + " WHERE domain_id = :domainId AND id = ANY(:ids)";
        this.findLiveByName = "SELECT doc FROM " + table
                + " WHERE domain_id = :domainId AND name = :name AND NOT deleted";
        this.countLive = "SELECT count(*) FROM " + table + " WHERE domain_id = :domainId AND NOT deleted";
        this.listLive = "SELECT doc FROM " + table + " WHERE domain_id = :domainId AND NOT deleted AND id > :after "
                + "ORDER BY id LIMIT :limit";
        this.deleteAllInDomain = "DELETE FROM " + table + " WHERE domain_id = :domainId";
    }

    @Override
    public void save(T resource) {
        jdbi.useHandle(h -> h.createUpdate(save)
                .bind("domainId", resource.domainId())
                .bind("id", resource.id())
                .bind("name", resource.name())
                .bind("deleted", resource.deleted())
                .bind("doc", Documents.write(resource))
                .execute());
    }

    @Override
    public Optional<T> find(String domainId, String id) {
        return jdbi.withHandle(h -> h.createQuery(find)
                .bind("domainId", domainId)
                .bind("id", id)
                .map(documents)
                .findOne());
    }

    @Override
    public List<T> findAll(String domainId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(findAll)
                .bind("domainId", domainId)
                .bindArray("ids", String.class, ids.stream().distinct().toList())
                .map(documents)
                .list());
    }

    @Override
    public Optional<T> findLiveByName(String domainId, String name) {
        return jdbi.withHandle(h -> h.createQuery(findLiveByName)
                .bind("domainId", domainId)
                .bind("name", name)
                .map(documents)
                .findOne());
    }

    @Override
    public int countLive(String domainId) {
        return jdbi.withHandle(h -> h.createQuery(countLive)
                .bind("domainId", domainId)
                .mapTo(int.class)
                .one());
    }

    @Override
    public List<T> listLive(String domainId, String afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(listLive)
                .bind("domainId", domainId)
                .bind("after", Rows.after(afterId))
                .bind("limit", limit)
                .map(documents)
                .list());
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        jdbi.useHandle(h -> h.createUpdate(deleteAllInDomain)
                .bind("domainId", domainId)
                .execute());
    }
}
