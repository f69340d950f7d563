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
 * <li>DeleteCase: two round trips in one SERIALIZABLE transaction: the locked case (with the running merge it takes
 * part in), then one statement removing it with its token, history, related items and tags, recording its event
 * and change-feed row, followed by COMMIT.
 * <li>GetCaseAuditEvents: one statement: the domain check, whether the case exists, and a page of its history.
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

    /**
     * The writes of one or more updates of one case (in order) and their COMMIT in one round trip: the case as the
     * last left it, each update's audit event and case event (null when off), and a change-feed row each.
     */
    private static final NamedSql WRITE = new NamedSql("WITH c AS (UPDATE cases SET doc = CAST(:doc AS jsonb) "
            + "WHERE domain_id = :domainId AND case_id = :caseId), "
            + "a AS (INSERT INTO audit_events (domain_id, case_id, doc) SELECT :domainId2, :caseId2, u.x "
            + "FROM unnest(CAST(:audits AS jsonb[])) WITH ORDINALITY AS u(x, i) ORDER BY u.i), "
            + "o AS (INSERT INTO case_event_outbox (event) SELECT u.x "
            + "FROM unnest(CAST(:events AS jsonb[])) WITH ORDINALITY AS u(x, i) WHERE u.x IS NOT NULL ORDER BY u.i), "
            + "f AS (INSERT INTO case_changes (domain_id, case_id) SELECT :domainId3, :caseId3 "
            + "FROM generate_series(1, CAST(:count AS integer)) RETURNING position) "
            + "SELECT ARRAY(SELECT position FROM f ORDER BY position), "
            + "ARRAY(SELECT t.key FROM tags t WHERE t.arn = :arn ORDER BY t.key), "
            + "ARRAY(SELECT t.value FROM tags t WHERE t.arn = :arn2 ORDER BY t.key); COMMIT");

    /**
     * DeleteCase's first round trip, SERIALIZABLE like the other writers of a case's related items (a concurrent
     * CreateRelatedItem that read the case must not add an item after the case is gone): the case, locked, with its
     * domain's version and the running merge it takes part in, if any.
     */
    private static final NamedSql DELETE_LOCK = new NamedSql("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE; "
            + "SELECT d.config_version, c.doc, m.primary_case_id, m.secondary_case_id "
            + "FROM domains d JOIN cases c ON c.domain_id = d.domain_id "
            + "LEFT JOIN LATERAL (SELECT j.primary_case_id, j.secondary_case_id FROM merge_jobs j "
            + "WHERE j.domain_id = c.domain_id AND j.status = 'IN_PROGRESS' "
            + "AND (j.primary_case_id = c.case_id OR j.secondary_case_id = c.case_id) LIMIT 1) m ON true "
            + "WHERE d.domain_id = :domainId AND d.account_id = :accountId AND c.case_id = :caseId FOR UPDATE OF c");

    /** The removal, its case event and change-feed row, and the COMMIT in one round trip. */
    private static final NamedSql DELETE = new NamedSql("WITH c AS (DELETE FROM cases "
            + "WHERE domain_id = :domainId AND case_id = :caseId), "
            + "k AS (DELETE FROM case_client_tokens WHERE domain_id = :domainId2 AND case_id = :caseId2), "
            + "a AS (DELETE FROM audit_events WHERE domain_id = :domainId3 AND case_id = :caseId3), "
            + "r AS (DELETE FROM related_items WHERE domain_id = :domainId4 AND case_id = :caseId4), "
            + "t AS (DELETE FROM tags WHERE arn = :arn OR (arn >= :arnFrom AND arn < :arnTo)), "
            + "o AS (INSERT INTO case_event_outbox (event) SELECT CAST(:event AS jsonb) "
            + "WHERE CAST(:event2 AS text) IS NOT NULL), "
            + "f AS (INSERT INTO case_changes (domain_id, case_id) VALUES (:domainId5, :caseId5) RETURNING position) "
            + "SELECT position FROM f; COMMIT");

    /** GetCaseAuditEvents in one statement: the domain check, whether the case exists, and a page of its events. */
    private static final NamedSql AUDIT = new NamedSql("SELECT EXISTS (SELECT 1 FROM cases c "
            + "WHERE c.domain_id = d.domain_id AND c.case_id = :caseId), "
            + "ARRAY(SELECT CAST(a.doc AS text) FROM audit_events a WHERE a.domain_id = :domainId2 "
            + "AND a.case_id = :caseId2 ORDER BY a.sequence OFFSET :from LIMIT :limit) "
            + "FROM domains d WHERE d.domain_id = :domainId AND d.account_id = :accountId");

    /** At most this many queued updates of one case go into one transaction. */
    private static final int MAX_COMBINED = 64;

    private final DataSource pool;
    /** The cases with updates running on this instance, each with the updates queued behind the running one. */
    private final Map<String, Lane> lanes = new HashMap<>();

    JdbcCaseStore(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Optional<DomainConfiguration> configuration(String accountId, String domainId) {
        return call(connection -> configuration(connection, accountId, domainId));
    }

    private static Optional<DomainConfiguration> configuration(Connection connection, String accountId,
                                                               String domainId) throws SQLException {
        {
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
        }
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
        values.put("audit", AuditEventCodec.write(newCase.auditEvent()));
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

    /**
     * Updates of one case that arrive while one is running queue here, in this instance, instead of each holding a
     * pooled connection while it waits for the row lock; the next leader takes all of them (up to
     * {@link #MAX_COMBINED}) into one transaction: one lock, each change decided in arrival order on the case as the
     * one before left it, one write statement and one COMMIT, so one WAL flush serves them all. A change that
     * throws fails only its own call. Updates from other instances still queue on the row lock.
     */
    @Override
    public Update update(String accountId, String domainId, String caseId, String caseArn,
                         Function<LockedCase, CaseUpdate> change) {
        String key = accountId + '/' + domainId + '/' + caseId;
        var mine = new Pending(change);
        Lane lane;
        boolean leads;
        synchronized (lanes) {
            lane = lanes.computeIfAbsent(key, k -> new Lane());
            lane.waiting.add(mine);
            leads = !lane.busy;
            lane.busy = true;
        }
        if (!leads) {
            mine.awaitTurn();
        }
        if (!mine.settled()) {
            List<Pending> batch;
            synchronized (lanes) {
                batch = new ArrayList<>(Math.min(lane.waiting.size(), MAX_COMBINED));
                while (!lane.waiting.isEmpty() && batch.size() < MAX_COMBINED) {
                    batch.add(lane.waiting.poll());
                }
            }
            try {
                runBatch(accountId, domainId, caseId, caseArn, batch);
            } catch (RuntimeException | Error failure) {
                batch.stream().filter(p -> !p.settled()).forEach(p -> p.refuse(failure));
            } finally {
                // Each call of the batch is answered only now: after the COMMIT, or when the batch failed.
                batch.forEach(Pending::release);
                synchronized (lanes) {
                    Pending next = lane.waiting.peek();
                    if (next == null) {
                        lane.busy = false;
                        lanes.remove(key);
                    } else {
                        next.lead();
                    }
                }
            }
        }
        return mine.outcome();
    }

    /** The updates of one case in one transaction, re-run whole when a concurrent transaction got in the way. */
    private void runBatch(String accountId, String domainId, String caseId, String caseArn, List<Pending> batch) {
        inTransaction(connection -> {
            batch.forEach(Pending::reset);
            return update(connection, accountId, domainId, caseId, caseArn, batch);
        }, committed -> committed);
    }

    /**
     * Runs {@code work} in a transaction on a pooled connection (again when a concurrent transaction got in its
     * way). The work's last statement carries the COMMIT; when {@code committed} says it did not get that far, or
     * the work throws, the transaction is rolled back.
     */
    private <T> T inTransaction(Work<T> work, java.util.function.Predicate<T> committed) {
        return call(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                if (!committed.test(result)) {
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

    /** Decides and writes the batch; false (nothing to commit) when no change was decided. */
    private boolean update(Connection connection, String accountId, String domainId, String caseId, String caseArn,
                           List<Pending> batch) throws SQLException {
        long version;
        Case current;
        Optional<String> mergingInto;
        var key = Map.of("domainId", domainId, "accountId", accountId, "caseId", caseId);
        try (var statement = LOCK.prepare(connection, key)) {
            ResultSet row = firstResultSet(statement);
            if (!row.next()) {
                try (var exists = DOMAIN_EXISTS.prepare(connection, Map.of("domainId", domainId,
                        "accountId", accountId)); ResultSet domain = exists.executeQuery()) {
                    Update gone = domain.next() ? new Update.CaseGone() : new Update.DomainGone();
                    batch.forEach(p -> p.answer(gone));
                    return false;
                }
            }
            version = row.getLong(1);
            current = CaseCodec.read(row.getString(2));
            mergingInto = Optional.ofNullable(row.getString(3));
        }
        var decided = new ArrayList<Pending>(batch.size());
        var updates = new ArrayList<CaseUpdate>(batch.size());
        for (Pending pending : batch) {
            CaseUpdate update;
            try {
                update = pending.change.apply(new LockedCase(version, current,
                        () -> relatedItems(connection, domainId, caseId), mergingInto,
                        () -> lockedConfiguration(connection, accountId, domainId)));
            } catch (RuntimeException refused) {
                // Refused (invalid, or a conflict): that call fails, the others go on from the same case.
                pending.refuse(refused);
                continue;
            }
            // Written now, so the next change of the batch reads them with the case's related items.
            for (RelatedItem item : update.changedItems()) {
                try (var statement = SAVE_ITEM.prepare(connection, Map.of("doc", Documents.write(item),
                        "domainId", domainId, "caseId", caseId, "id", item.relatedItemId()))) {
                    statement.executeUpdate();
                }
            }
            current = update.aCase();
            decided.add(pending);
            updates.add(update);
        }
        if (updates.isEmpty()) {
            return false;
        }
        var values = new HashMap<String, Object>();
        values.put("doc", CaseCodec.write(current));
        values.put("domainId", domainId);
        values.put("domainId2", domainId);
        values.put("domainId3", domainId);
        values.put("caseId", caseId);
        values.put("caseId2", caseId);
        values.put("caseId3", caseId);
        values.put("audits", updates.stream().map(u -> AuditEventCodec.write(u.auditEvent())).toArray(String[]::new));
        values.put("events", updates.stream().map(u -> u.event() == null ? null : Documents.write(u.event()))
                .toArray(String[]::new));
        values.put("count", (long) updates.size());
        values.put("arn", caseArn);
        values.put("arn2", caseArn);
        try (var statement = WRITE.prepare(connection, values)) {
            ResultSet row = firstResultSet(statement);
            row.next();
            Long[] positions = (Long[]) row.getArray(1).getArray();
            Map<String, String> tags = tags(row.getArray(2), row.getArray(3));
            for (int i = 0; i < decided.size(); i++) {
                decided.get(i).answer(new Update.Done(new Updated(positions[i], updates.get(i), tags)));
            }
        }
        return true;
    }

    @Override
    public Deletion delete(String accountId, String domainId, String caseId, String caseArn,
                           Function<DoomedCase, io.opencases.domain.event.CaseEvent> decide) {
        return inTransaction(connection -> delete(connection, accountId, domainId, caseId, caseArn, decide),
                result -> result instanceof Deletion.Deleted);
    }

    private Deletion delete(Connection connection, String accountId, String domainId, String caseId, String caseArn,
                            Function<DoomedCase, io.opencases.domain.event.CaseEvent> decide) throws SQLException {
        DoomedCase doomed;
        try (var statement = DELETE_LOCK.prepare(connection, Map.of("domainId", domainId, "accountId", accountId,
                "caseId", caseId))) {
            ResultSet row = firstResultSet(statement);
            if (!row.next()) {
                try (var exists = DOMAIN_EXISTS.prepare(connection, Map.of("domainId", domainId,
                        "accountId", accountId)); ResultSet domain = exists.executeQuery()) {
                    return domain.next() ? new Deletion.CaseGone() : new Deletion.DomainGone();
                }
            }
            String primary = row.getString(3);
            doomed = new DoomedCase(row.getLong(1), CaseCodec.read(row.getString(2)),
                    primary == null ? Optional.empty() : Optional.of(new RunningMerge(primary, row.getString(4))),
                    () -> lockedConfiguration(connection, accountId, domainId));
        }
        var event = decide.apply(doomed);
        String eventDocument = event == null ? null : Documents.write(event);
        var values = new HashMap<String, Object>();
        for (String suffix : List.of("", "2", "3", "4", "5")) {
            values.put("domainId" + suffix, domainId);
            values.put("caseId" + suffix, caseId);
        }
        values.put("arn", caseArn);
        // The tags of the case's related items sit on ARNs under the case's: "<case arn>/…".
        values.put("arnFrom", caseArn + "/");
        values.put("arnTo", caseArn + "0");
        values.put("event", eventDocument);
        values.put("event2", eventDocument);
        try (var statement = DELETE.prepare(connection, values)) {
            ResultSet row = firstResultSet(statement);
            row.next();
            return new Deletion.Deleted(row.getLong(1));
        }
    }

    @Override
    public Optional<AuditRead> auditEvents(String accountId, String domainId, String caseId, int from, int limit) {
        return call(connection -> {
            try (var statement = AUDIT.prepare(connection, Map.of("caseId", caseId, "domainId2", domainId,
                    "caseId2", caseId, "from", (long) from, "limit", (long) limit, "domainId", domainId,
                    "accountId", accountId)); ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                var events = new ArrayList<io.opencases.domain.cases.AuditEvent>();
                for (String document : (String[]) row.getArray(2).getArray()) {
                    events.add(Documents.read(document, io.opencases.domain.cases.AuditEvent.class));
                }
                return Optional.of(new AuditRead(row.getBoolean(1), events));
            }
        });
    }

    /** The updates of one case queued on this instance, and whether one of its batches is running. */
    private static final class Lane {
        final java.util.ArrayDeque<Pending> waiting = new java.util.ArrayDeque<>();
        boolean busy;
    }

    /**
     * One UpdateCase call: queued until it is answered by a batch (its outcome settled, then released after the
     * batch's COMMIT or failure), or told to lead the next batch itself.
     */
    private static final class Pending {
        private final Function<LockedCase, CaseUpdate> change;
        private final java.util.concurrent.CountDownLatch turn = new java.util.concurrent.CountDownLatch(1);
        private volatile Update outcome;
        private volatile Throwable failure;

        Pending(Function<LockedCase, CaseUpdate> change) {
            this.change = change;
        }

        /** Waits until a batch answered this call, or until it must lead the next batch itself. */
        void awaitTurn() {
            boolean interrupted = false;
            while (true) {
                try {
                    turn.await();
                    break;
                } catch (InterruptedException e) {
                    // The call is queued and will be answered; it must not return before it is.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void lead() {
            turn.countDown();
        }

        /** A new attempt of the batch decides again. */
        void reset() {
            outcome = null;
            failure = null;
        }

        void answer(Update update) {
            outcome = update;
        }

        void refuse(Throwable cause) {
            failure = cause;
        }

        boolean settled() {
            return outcome != null || failure != null;
        }

        void release() {
            turn.countDown();
        }

        Update outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return outcome;
        }
    }

    private static DomainConfiguration lockedConfiguration(Connection connection, String accountId, String domainId) {
        try {
            // The case row is locked, so the domain cannot be gone (DeleteDomain would wait for the lock).
            return configuration(connection, accountId, domainId).orElseThrow(() -> new IllegalStateException(
                    "domain " + domainId + " vanished under a locked case"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the configuration of domain " + domainId, e);
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
