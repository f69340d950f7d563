package io.opencases.application.port;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of which cases changed, written in the unit of work of each change. Search indexes follow it:
 * an index that missed changes (a crash between commit and indexing, or a change made through another server
 * instance) catches up from its last checkpointed position instead of being rebuilt. Changes to a domain's
 * configuration are recorded too (a change of no case), so every instance evicts its cached configuration.
 *
 * <p>Positions grow, but with concurrent writers a change may become visible after a change with a higher position
 * (positions are taken before commit). Followers therefore settle by {@link Mark}: a position that is complete once
 * every transaction that could still add a change at or below it has ended, however long that takes.
 */
public interface CaseChangeFeed {

    /** One change: a case created, updated or deleted, a whole domain deleted, or its configuration changed. */
    record Change(long position, String domainId, String caseId, Instant recordedAt, Kind kind) {
        /** What a change is about. */
        public enum Kind {
            /** A case created, updated or deleted ({@code caseId}). */
            CASE,
            /** A whole domain deleted (no caseId). */
            DOMAIN_DELETED,
            /** The domain's configuration (fields, options, templates, case rules, event configuration) changed. */
            CONFIGURATION
        }

        public Change {
            if ((caseId == null) == (kind == Kind.CASE)) {
                throw new IllegalArgumentException("a " + kind + " change " + (caseId == null ? "needs" : "has no")
                        + " case id");
            }
        }

        /** A case change ({@code caseId}) or a domain deletion (null caseId), as the feed recorded them first. */
        public Change(long position, String domainId, String caseId, Instant recordedAt) {
            this(position, domainId, caseId, recordedAt, caseId == null ? Kind.DOMAIN_DELETED : Kind.CASE);
        }
    }

    /**
     * The head of the feed now, with what has to end before every change at or below it is visible: on PostgreSQL
     * a transaction id given out after the head was read, above the id of every writer holding such a position.
     */
    record Mark(long position, long fence) {
    }

    /** The feed's head with its fence (see {@link Mark}); outside a unit of work. */
    Mark mark();

    /**
     * Whether every change at or below the mark's position is now visible or will never be (its transaction
     * ended); outside a unit of work. Changes read after this returns true complete the feed up to the mark.
     */
    boolean settled(Mark mark);

    /** Records that the case changed ({@code caseId} null: the whole domain was deleted); returns its position. */
    long append(String domainId, String caseId);

    /**
     * Records that the domain's configuration changed, in the unit of work of the change; returns its position.
     * Followers evict their cached configuration of the domain: nothing about any case changed.
     */
    long appendConfigurationChange(String domainId);

    /** Up to {@code limit} visible changes with a position greater than {@code position}, in position order. */
    List<Change> after(long position, int limit);

    /** The highest position recorded so far (0 when empty). */
    long head();

    /** Forgets changes recorded before {@code before}; the feed keeps only what followers may still need. */
    void prune(Instant before);

    /** The highest position {@link #prune} has forgotten (0 if none): an index checkpointed below it must rebuild. */
    long prunedThrough();
}
