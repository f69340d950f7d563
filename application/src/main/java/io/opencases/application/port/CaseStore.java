package io.opencases.application.port;

import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.Case;
import io.opencases.domain.casesdomain.DomainConfiguration;
import io.opencases.domain.event.CaseEvent;
import io.opencases.domain.relateditem.RelatedItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The case operations, each one call: CreateCase stores a whole new case, GetCase reads one, UpdateCase changes one
 * under its row lock, DeleteCase removes one with everything on it, GetCaseAuditEvents reads a page of its history. Every call checks that the domain exists in the caller's account and reports the domain's
 * configuration version, so a cached {@link DomainConfiguration} is never trusted further than the store allows.
 * Each call is atomic on its own (no enclosing {@link UnitOfWork}).
 */
public interface CaseStore {

    /** The domain's whole configuration, if the domain exists in this account. */
    Optional<DomainConfiguration> configuration(String accountId, String domainId);

    /** GetCase's read: the domain's configuration version, the case (if any) and the tags on its ARN. */
    record CaseRead(long configurationVersion, Optional<Case> aCase, Map<String, String> tags) {
    }

    /** Empty when the domain does not exist in the account. */
    Optional<CaseRead> read(String accountId, String domainId, String caseId, String caseArn);

    /** A client token: what a CreateCase with it created. */
    record ClientToken(String token, String requestFingerprint, String caseId, java.time.Instant createdTime) {
    }

    /**
     * Everything a CreateCase writes: the case, its client token (null without one), the tags on its ARN, its audit
     * event, its case event (null when events are off) and a change-feed entry. {@code configurationVersion} is
     * the version the case was validated against; {@code tokenExpiredBefore} is when a stored token with the same
     * value stops counting (it is then replaced).
     */
    record NewCase(String accountId, long configurationVersion, Case aCase, String caseArn, ClientToken token,
                   java.time.Instant tokenExpiredBefore, Map<String, String> tags, AuditEvent auditEvent,
                   CaseEvent event) {
    }

    /** What became of a CreateCase. */
    sealed interface Creation {
        /** Stored; {@code feedPosition} is the change-feed position of the new case. */
        record Created(long feedPosition) implements Creation {
        }

        /** Nothing stored: the domain no longer exists in the account. */
        record DomainGone() implements Creation {
        }

        /** Nothing stored: the configuration is now at {@code version}; validate again. */
        record ConfigurationMoved(long version) implements Creation {
        }

        /** Nothing stored: the client token already names a case. */
        record TokenUsed(ClientToken existing) implements Creation {
        }
    }

    Creation create(NewCase newCase);

    /** The stored token of that value in the domain, if any (expired or not). */
    Optional<ClientToken> clientToken(String domainId, String token);

    /**
     * The case as the update sees it: locked until the update returns, so concurrent updates of one case queue
     * instead of conflicting. {@code relatedItems} reads the case's related items (under the same lock) on demand.
     * {@code mergingInto} is the primary case of a running merge (StartMergeCases) that this case is the secondary
     * of, read with the lock so the update needs no statement of its own to ask. {@code configuration} reads the
     * domain's configuration as it is now on the update's own connection (for a cached one that is out of date),
     * so an update never holds one pooled connection while it waits for another.
     */
    record LockedCase(long configurationVersion, Case aCase, java.util.function.Supplier<List<RelatedItem>> relatedItems,
                      Optional<String> mergingInto,
                      java.util.function.Supplier<DomainConfiguration> configuration) {
    }

    /** What an update writes: the case, its audit event, its case event (null when off) and changed SLA items. */
    record CaseUpdate(Case aCase, AuditEvent auditEvent, CaseEvent event, List<RelatedItem> changedItems) {
    }

    /** The stored update: the change-feed position and the tags on the case's ARN after it (for the index). */
    record Updated(long feedPosition, CaseUpdate update, Map<String, String> tags) {
    }

    /** What became of an UpdateCase. */
    sealed interface Update {
        record Done(Updated updated) implements Update {
        }

        record DomainGone() implements Update {
        }

        record CaseGone() implements Update {
        }
    }

    /**
     * Locks the case, lets {@code change} decide the update from it (it may throw: then nothing is written), stores
     * the update and releases the lock; {@code caseArn} names the case's tags.
     */
    Update update(String accountId, String domainId, String caseId, String caseArn,
                  Function<LockedCase, CaseUpdate> change);

    /** A running merge (StartMergeCases) a case takes part in, as either case. */
    record RunningMerge(String primaryCaseId, String secondaryCaseId) {
    }

    /**
     * The case DeleteCase is about to remove, locked until the call returns: its configuration version, the running
     * merge it is part of (if any), and {@code configuration} reading the domain's configuration as it is now on
     * the same connection.
     */
    record DoomedCase(long configurationVersion, Case aCase, Optional<RunningMerge> runningMerge,
                      java.util.function.Supplier<DomainConfiguration> configuration) {
    }

    /** What became of a DeleteCase. */
    sealed interface Deletion {
        /** Removed; {@code feedPosition} is the change-feed position of the removal. */
        record Deleted(long feedPosition) implements Deletion {
        }

        record DomainGone() implements Deletion {
        }

        record CaseGone() implements Deletion {
        }
    }

    /**
     * Removes the case with its client token, related items, audit history and the tags on its ARN and its related
     * items' ARNs, recording the case event {@code decide} returns (null when events are off) and a change-feed
     * entry, all or nothing. {@code decide} may refuse by throwing: then nothing is removed.
     */
    Deletion delete(String accountId, String domainId, String caseId, String caseArn,
                    Function<DoomedCase, CaseEvent> decide);

    /** GetCaseAuditEvents' read: whether the case exists, and its audit events from {@code from}, oldest first. */
    record AuditRead(boolean caseExists, List<AuditEvent> events) {
        public AuditRead {
            events = List.copyOf(events);
        }
    }

    /** Empty when the domain does not exist in the account. */
    Optional<AuditRead> auditEvents(String accountId, String domainId, String caseId, int from, int limit);
}
