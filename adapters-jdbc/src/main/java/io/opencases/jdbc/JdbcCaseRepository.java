package io.opencases.jdbc;

import io.opencases.application.port.CaseRepository;
import io.opencases.domain.cases.Case;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Cases as documents keyed by (domain id, case id), and the CreateCase client tokens beside them. */
final class JdbcCaseRepository implements CaseRepository {
    /** The stored case format is CaseCodec's, whichever path reads or writes it. */
    private static final RowMapper<Case> CASE = (row, ctx) -> CaseCodec.read(row.getString(1));

    private final Jdbi jdbi;
    private final JdbcUnitOfWork unitOfWork;

    JdbcCaseRepository(Jdbi jdbi, JdbcUnitOfWork unitOfWork) {
        this.jdbi = jdbi;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void save(Case aCase) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO cases (domain_id, case_id, doc) "
                        + "VALUES (:domainId, :caseId, CAST(:doc AS jsonb)) "
                        + "ON CONFLICT (domain_id, case_id) DO UPDATE SET doc = excluded.doc")
                .bind("domainId", aCase.domainId())
                .bind("caseId", aCase.caseId())
                .bind("doc", CaseCodec.write(aCase))
                .execute());
    }

    @Override
    public Optional<Case> find(String domainId, String caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM cases "
                        + "WHERE domain_id = :domainId AND case_id = :caseId")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .map(CASE)
                .findOne());
    }

    @Override
    public Optional<Case> findForUpdate(String domainId, String caseId) {
        if (!unitOfWork.inWrite()) {
            return find(domainId, caseId);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM cases "
                        + "WHERE domain_id = :domainId AND case_id = :caseId FOR UPDATE")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .map(CASE)
                .findOne());
    }

    @Override
    public void delete(String domainId, String caseId) {
        jdbi.useHandle(h -> h.createUpdate("WITH tokens AS (DELETE FROM case_client_tokens "
                        + "WHERE domain_id = :domainId AND case_id = :caseId) "
                        + "DELETE FROM cases WHERE domain_id = :domainId AND case_id = :caseId")
                .bind("domainId", domainId)
                .bind("caseId", caseId)
                .execute());
    }

    @Override
    public void deleteAllInDomain(String domainId) {
        jdbi.useHandle(h -> h.createUpdate("WITH tokens AS (DELETE FROM case_client_tokens "
                        + "WHERE domain_id = :domainId) DELETE FROM cases WHERE domain_id = :domainId")
                .bind("domainId", domainId)
                .execute());
    }

    @Override
    public List<Case> listAfter(String afterDomainId, String afterCaseId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT doc FROM cases "
                        + "WHERE (domain_id, case_id) > (:domainId, :caseId) ORDER BY domain_id, case_id LIMIT :limit")
                .bind("domainId", Rows.after(afterDomainId))
                .bind("caseId", Rows.after(afterCaseId))
                .bind("limit", limit)
                .map(CASE)
                .list());
    }

    @Override
    public void saveClientToken(ClientToken token) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO case_client_tokens "
                        + "(domain_id, token, request_fingerprint, case_id, created_time) "
                        + "VALUES (:domainId, :token, :fingerprint, :caseId, :createdTime) "
                        + "ON CONFLICT (domain_id, token) DO UPDATE SET request_fingerprint = excluded.request_fingerprint, "
                        + "case_id = excluded.case_id, created_time = excluded.created_time")
                .bind("domainId", token.domainId())
                .bind("token", token.token())
                .bind("fingerprint", token.requestFingerprint())
                .bind("caseId", token.caseId())
                .bind("createdTime", token.createdTime())
                .execute());
    }

    /**
     * Inside a write, looking a token up also claims it when it is unused: a row without a case that the same
     * write's saveClientToken fills in (a rollback removes it). The lookup is then an insert, not an index read, so
     * it takes no SERIALIZABLE read lock on the index page. Such a read would make every two concurrent
     * CreateCases whose (random) tokens share a page look like a write skew and abort one of them, which on a
     * young table is nearly all of them. Uniqueness needs no read lock: a concurrent CreateCase with the same token
     * waits for this one and then fails to serialize, and its retry finds this token.
     */
    @Override
    public Optional<ClientToken> findClientToken(String domainId, String token) {
        String sql = unitOfWork.inWrite()
                ? "WITH claim AS (INSERT INTO case_client_tokens (domain_id, token) VALUES (:domainId, :token) "
                + "ON CONFLICT DO NOTHING RETURNING token) "
                + "SELECT request_fingerprint, case_id, created_time FROM case_client_tokens "
                + "WHERE domain_id = :domainId AND token = :token AND case_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM claim)"
                : "SELECT request_fingerprint, case_id, created_time FROM case_client_tokens "
                + "WHERE domain_id = :domainId AND token = :token AND case_id IS NOT NULL";
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("domainId", domainId)
                .bind("token", token)
                .map((row, ctx) -> new ClientToken(domainId, token, row.getString("request_fingerprint"),
                        row.getString("case_id"), Rows.instant(row, "created_time")))
                .findOne());
    }
}
