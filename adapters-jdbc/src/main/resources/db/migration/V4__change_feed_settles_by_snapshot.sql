-- Issue 10: the change feed settles by transaction snapshot, not by a time window.
-- A follower reads the feed's head, then a snapshot's xmax; once every transaction below that xmax has ended
-- (pg_snapshot_xmin of a later snapshot is past it), no change at or below the head can still appear. That holds
-- only if a writer has its transaction id before it takes a position, which the position default now ensures
-- (the insert statements stay as they are).
CREATE FUNCTION case_change_position() RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval('case_changes_position_seq');
END
$$;
ALTER TABLE case_changes ALTER COLUMN position SET DEFAULT case_change_position();

-- Which transaction wrote the change (diagnostics: a change that settles late points at its transaction).
ALTER TABLE case_changes ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
