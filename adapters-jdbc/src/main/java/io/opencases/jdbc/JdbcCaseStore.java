package io.opencases.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opencases.application.port.CaseStore;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.event.CaseEventConfiguration;
import io.opencases.domain.field.Field;
import io.opencases.domain.field.FieldOption;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemContent;
import io.opencases.domain.rule.CaseRule;
import io.opencases.domain.template.Template;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case hot paths on PostgreSQL in as few round trips as the operation allows, in plain JDBC on server-prepared
 * statements:
 * <ul>
 * <li>CreateCase: one statement (data-modifying CTEs) that checks the domain and its configuration version, claims
 * the client token and inserts the case, its tags, audit event, outbox event and change-feed row, or nothing.
 * <li>GetCase: one statement: the domain check, the case and its tags.
 * <li>UpdateCase: two round trips in one READ COMMITTED transaction: {@code SELECT … FOR UPDATE} of the case (with
 * the domain check and version, and the running merge it is the secondary of, if any), then one statement writing the case, audit, outbox and change-feed rows followed
 * by COMMIT. Concurrent updates of one case queue on its row lock; see docs/compatibility.md for why this keeps
 * every update and stays serializable with the configuration writes.
 * </ul>
 * Nothing written is read back. Conflicts (a concurrent CreateCase with the same token, a deadlock) re-run the call.
 */
final class JdbcCaseStore implements CaseStore {
    private static final int MAX_ATTEMPTS = 10;
    private static final TypeReference<List<Field>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<FieldOption>>> OPTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Template>> TEMPLATES = new TypeReference<>() {
    };
    private static final TypeReference<List<CaseRule>> RULES = new TypeReference<>() {
    };

    private static final NamedSql CONFIGURATION = new NamedSql("SELECT d.doc, d.config_version, "
            + "d.event_configuration, "
            + "(SELECT json_agg(f.doc) FROM fields f WHERE f.domain_id = d.domain_id), "
            + "(SELECT json_object_agg(o.field_id, o.options) FROM field_options o WHERE o.domain_id = d.domain_id), "
            + "(SELECT json_agg(t.doc) FROM templates t WHERE t.domain_id = d.domain_id), "
            + "(SELECT json_agg(r.doc) FROM case_rules r WHERE r.domain_id = d.domain_id) "
            + "FROM domains d WHERE d.domain_id = :domainId AND d.account_id = :accountId");

    private static final NamedSql READ = new NamedSql("SELECT d.config_version, c.doc, "
            + "ARRAY(SELECT t.key FROM tags t WHERE t.arn = :arn ORDER BY t.key), "
            + "ARRAY(SELECT t.value FROM tags t WHERE t.arn = :arn2 ORDER BY t.key) "
            + "FROM domains d LEFT JOIN cases c ON c.domain_id = d.domain_id AND c.case_id = :caseId "
            + "WHERE d.domain_id = :domainId AND d.account_id = :accountId");

    /**
     * Every row of a new case, or none: {@code ok} has a row only when the domain is the caller's, its
     * configuration is the validated version and the token (if any) is claimed, and each insert selects from it.
     * The final row reports the version, the feed position and, when the token was taken, its owner.
     */
    private static final NamedSql CREATE = new NamedSql("WITH d AS (SELECT config_version FROM domains "
            + "WHERE domain_id = :domainId AND account_id = :accountId), "
            + "valid AS (SELECT 1 FROM d WHERE config_version = :version), "
            + "tok AS (INSERT INTO case_client_tokens AS k (domain_id, token, request_fingerprint, case_id, "
            + "created_time) SELECT :domainId2, :token, :fingerprint, :caseId, :now FROM valid "
            + "WHERE CAST(:token2 AS text) IS NOT NULL "
            + "ON CONFLICT (domain_id, token) DO UPDATE SET request_fingerprint = excluded.request_fingerprint, "
            + "case_id = excluded.case_id, created_time = excluded.created_time "
            + "WHERE k.case_id IS NULL OR k.created_time < :expiredBefore RETURNING 1), "
            + "ok AS (SELECT 1 FROM valid WHERE CAST(:token3 AS text) IS NULL OR EXISTS (SELECT 1 FROM tok)), "
            + "c AS (INSERT INTO cases (domain_id, case_id, doc) SELECT :domainId3, :caseId2, CAST(:doc AS jsonb) "
            + "FROM ok), "
            + "t AS (INSERT INTO tags (arn, key, value) SELECT :arn, x.k, x.v FROM ok, "
            + "unnest(CAST(:keys AS text[]), CAST(:values AS text[])) AS x(k, v)), "
            + "a AS (INSERT INTO audit_events (domain_id, case_id, doc) SELECT :domainId4, :caseId3, "
            + "CAST(:audit AS jsonb) FROM ok), "
            + "o AS (INSERT INTO case_event_outbox (event) SELECT CAST(:event AS jsonb) FROM ok "
            + "WHERE CAST(:event2 AS text) IS NOT NULL), "
            + "f AS (INSERT INTO case_changes (domain_id, case_id) SELECT :domainId5, :caseId4 FROM ok "
            + "RETURNING position) "
            + "SELECT (SELECT config_version FROM d), (SELECT position FROM f), k.request_fingerprint, k.case_id, "
            + "k.created_time FROM (SELECT 1) one LEFT JOIN case_client_tokens k ON k.domain_id = :domainId6 "
            + "AND k.token = :token4 AND k.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tok)");

    private static final NamedSql CLIENT_TOKEN = new NamedSql("SELECT request_fingerprint, case_id, created_time "
            + "FROM case_client_tokens WHERE domain_id = :domainId AND token = :token AND case_id IS NOT NULL");

    /** Sent with BEGIN in one round trip: the transaction reads committed rows, so a waiter gets the newest. */
    private static final NamedSql LOCK = new NamedSql("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; "
            + "SELECT d.config_version, c.doc, (SELECT m.primary_case_id FROM merge_jobs m "
            + "WHERE m.domain_id = c.domain_id AND m.secondary_case_id = c.case_id AND m.status = 'IN_PROGRESS') "
            + "FROM domains d JOIN cases c ON c.domain_id = d.domain_id "
            + "WHERE d.domain_id = :domainId AND d.account_id = :accountId AND c.case_id = :caseId FOR UPDATE OF c");

    private static final NamedSql DOMAIN_EXISTS = new NamedSql("SELECT 1 FROM domains "
            + "WHERE domain_id = :domainId AND account_id = :accountId");

    private static final NamedSql RELATED_ITEMS = new NamedSql("SELECT doc FROM related_items "
            + "WHERE domain_id = :domainId AND case_id = :caseId");

    private static final NamedSql SAVE_ITEM = new NamedSql("UPDATE related_items SET doc = CAST(:doc AS jsonb) "
            + "WHERE domain_id = :domainId AND case_id = :caseId AND related_item_id = :id");

    /** The write and its COMMIT in one round trip. */
    private static final NamedSql WRITE = new NamedSql("WITH c AS (UPDATE cases SET doc = CAST(:doc AS jsonb) "
            + "WHERE domain_id = :domainId AND case_id = :caseId), "
            + "a AS (INSERT INTO audit_events (domain_id, case_id, doc) VALUES (:domainId2, :caseId2, "
            + "CAST(:audit AS jsonb))), "
            + "o AS (INSERT INTO case_event_outbox (event) SELECT CAST(:event AS jsonb) "
            + "WHERE CAST(:event2 AS text) IS NOT NULL), "
            + "f AS (INSERT INTO case_changes (domain_id, case_id) VALUES (:domainId3, :caseId3) RETURNING position) "
            + "SELECT (SELECT position FROM f), "
            + "ARRAY(SELECT t.key FROM tags t WHERE t.arn = :arn ORDER BY t.key), "
            + "ARRAY(SELECT t.value FROM tags t WHERE t.arn = :arn2 ORDER BY t.key); COMMIT");

    private final DataSource pool;

    JdbcCaseStore(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Optional<DomainConfiguration> configuration(String accountId, String domainId) {
        return call(connection -> {
            try (var statement = CONFIGURATION.prepare(connection, Map.of("domainId", domainId,
                    "accountId", accountId)); ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                CasesDomain domain = Documents.read(row.getString(1), CasesDomain.class);
                String events = row.getString(3);
                return Optional.of(new DomainConfiguration(domain, row.getLong(2),
                        byId(readList(row.getString(4), FIELDS), Field::fieldId),
                        row.getString(5) == null ? Map.of() : Documents.read(row.getString(5), OPTIONS),
                        byId(readList(row.getString(6), TEMPLATES), Template::templateId),
                        byId(readList(row.getString(7), RULES), CaseRule::caseRuleId),
                        events == null ? null : Documents.read(events, CaseEventConfiguration.class)));
            }
        });
    }

    @Override
    public Optional<CaseRead> read(String accountId, String domainId, String caseId, String caseArn) {
        return call(connection -> {
            try (var statement = READ.prepare(connection, Map.of("arn", caseArn, "arn2", caseArn, "caseId", caseId,
                    "domainId", domainId, "accountId", accountId)); ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String doc = row.getString(2);
                return Optional.of(new CaseRead(row.getLong(1),
                        doc == null ? Optional.empty() : Optional.of(CaseCodec.read(doc)),
                        tags(row.getArray(3), row.getArray(4))));
            }
        });
    }

    @Override
    public Creation create(NewCase newCase) {
        Case aCase = newCase.aCase();
        String domainId = aCase.domainId();
        String caseId = aCase.caseId();
        ClientToken token = newCase.token();
        var values = new HashMap<String, Object>();
        values.put("domainId", domainId);
        values.put("domainId2", domainId);
        values.put("domainId3", domainId);
        values.put("domainId4", domainId);
        values.put("domainId5", domainId);
        values.put("domainId6", domainId);
        values.put("accountId", newCase.accountId());
        values.put("version", newCase.configurationVersion());
        values.put("token", token == null ? null : token.token());
        values.put("token2", token == null ? null : token.token());
        values.put("token3", token == null ? null : token.token());
        values.put("token4", token == null ? null : token.token());
        values.put("fingerprint", token == null ? null : token.requestFingerprint());
        values.put("now", token == null ? newCase.tokenExpiredBefore() : token.createdTime());
        values.put("expiredBefore", newCase.tokenExpiredBefore());
        values.put("caseId", caseId);
        values.put("caseId2", caseId);
        values.put("caseId3", caseId);
        values.put("caseId4", caseId);
        values.put("doc", CaseCodec.write(aCase));
        values.put("arn", newCase.caseArn());
        values.put("keys", newCase.tags().keySet().toArray(String[]::new));
        values.put("values", newCase.tags().values().toArray(String[]::new));
        values.put("audit", Documents.write(newCase.auditEvent()));
        String event = newCase.event() == null ? null : Documents.write(newCase.event());
        values.put("event", event);
        values.put("event2", event);
        return call(connection -> {
            try (var statement = CREATE.prepare(connection, values); ResultSet row = statement.executeQuery()) {
                row.next();
                long version = row.getLong(1);
                if (row.wasNull()) {
                    return new Creation.DomainGone();
                }
                long position = row.getLong(2);
                if (!row.wasNull()) {
                    return new Creation.Created(position);
                }
                if (version != newCase.configurationVersion()) {
                    return new Creation.ConfigurationMoved(version);
                }
                String owner = row.getString(4);
                if (owner == null) {
                    // The token was taken by a write this statement's snapshot does not show yet: look again.
                    throw new TokenRace();
                }
                return new Creation.TokenUsed(new ClientToken(token.token(), row.getString(3), owner,
                        row.getObject(5, OffsetDateTime.class).toInstant()));
            }
        });
    }

    @Override
    public Optional<ClientToken> clientToken(String domainId, String token) {
        return call(connection -> {
            try (var statement = CLIENT_TOKEN.prepare(connection, Map.of("domainId", domainId, "token", token));
                 ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new ClientToken(token, row.getString(1), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant())) : Optional.empty();
            }
        });
    }

    @Override
    public Update update(String accountId, String domainId, String caseId, String caseArn,
                         Function<LockedCase, CaseUpdate> change) {
        return call(connection -> {
            connection.setAutoCommit(false);
            try {
                Update result = update(connection, accountId, domainId, caseId, caseArn, change);
                if (!(result instanceof Update.Done)) {
                    connection.rollback();
                }
                return result;
            } catch (Throwable failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private Update update(Connection connection, String accountId, String domainId, String caseId, String caseArn,
                          Function<LockedCase, CaseUpdate> change) throws SQLException {
        long version;
        Case current;
        Optional<String> mergingInto;
        var key = Map.of("domainId", domainId, "accountId", accountId, "caseId", caseId);
        try (var statement = LOCK.prepare(connection, key)) {
            ResultSet row = firstResultSet(statement);
            if (!row.next()) {
                try (var exists = DOMAIN_EXISTS.prepare(connection, Map.of("domainId", domainId,
                        "accountId", accountId)); ResultSet domain = exists.executeQuery()) {
                    return domain.next() ? new Update.CaseGone() : new Update.DomainGone();
                }
            }
            version = row.getLong(1);
            current = CaseCodec.read(row.getString(2));
            mergingInto = Optional.ofNullable(row.getString(3));
        }
        CaseUpdate update = change.apply(new LockedCase(version, current,
                () -> relatedItems(connection, domainId, caseId), mergingInto));
        for (RelatedItem item : update.changedItems()) {
            try (var statement = SAVE_ITEM.prepare(connection, Map.of("doc", Documents.write(item),
                    "domainId", domainId, "caseId", caseId, "id", item.relatedItemId()))) {
                statement.executeUpdate();
            }
        }
        String event = update.event() == null ? null : Documents.write(update.event());
        var values = new HashMap<String, Object>();
        values.put("doc", CaseCodec.write(update.aCase()));
        values.put("domainId", domainId);
        values.put("domainId2", domainId);
        values.put("domainId3", domainId);
        values.put("caseId", caseId);
        values.put("caseId2", caseId);
        values.put("caseId3", caseId);
        values.put("audit", Documents.write(update.auditEvent()));
        values.put("event", event);
        values.put("event2", event);
        values.put("arn", caseArn);
        values.put("arn2", caseArn);
        try (var statement = WRITE.prepare(connection, values)) {
            ResultSet row = firstResultSet(statement);
            row.next();
            return new Update.Done(new Updated(row.getLong(1), update, tags(row.getArray(2), row.getArray(3))));
        }
    }

    private static List<RelatedItem> relatedItems(Connection connection, String domainId, String caseId) {
        try (var statement = RELATED_ITEMS.prepare(connection, Map.of("domainId", domainId, "caseId", caseId));
             ResultSet rows = statement.executeQuery()) {
            var items = new ArrayList<RelatedItem>();
            while (rows.next()) {
                items.add(Documents.read(rows.getString(1), RelatedItem.class));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the related items of case " + caseId, e);
        }
    }

    /** The first result set of a statement whose SQL starts with commands that return none. */
    private static ResultSet firstResultSet(PreparedStatement statement) throws SQLException {
        boolean isResultSet = statement.execute();
        while (!isResultSet) {
            if (statement.getUpdateCount() == -1) {
                throw new IllegalStateException("the statement returned no rows");
            }
            isResultSet = statement.getMoreResults();
        }
        return statement.getResultSet();
    }

    private static Map<String, String> tags(Array keys, Array values) throws SQLException {
        String[] k = (String[]) keys.getArray();
        String[] v = (String[]) values.getArray();
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < k.length; i++) {
            tags.put(k[i], v[i]);
        }
        return tags;
    }

    private static <T> List<T> readList(String json, TypeReference<List<T>> type) {
        return json == null ? List.of() : Documents.read(json, type);
    }

    private static <T> Map<String, T> byId(List<T> resources, Function<T, String> id) {
        return resources.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A CreateCase lost a race for its client token to a write committed after its snapshot. */
    private static final class TokenRace extends RuntimeException {
        TokenRace() {
            super(null, null, false, false);
        }
    }

    /** Runs {@code work} on a pooled connection, again when a concurrent transaction got in its way. */
    private <T> T call(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && JdbcUnitOfWork.isConflict(e)) {
                    continue;
                }
                throw new IllegalStateException("case storage failed", e);
            } catch (TokenRace race) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("client token kept changing");
                }
            }
        }
    }
}
