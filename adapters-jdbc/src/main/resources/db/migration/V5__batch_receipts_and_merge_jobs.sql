-- Issue 11: BatchUpdateCase / BatchCreateRelatedItem client tokens, and the durable StartMergeCases jobs.

-- A batch request with a client token: what it was (its fingerprint) and, per case, what became of it. Each case's
-- entry commits with that case's change, so a retry after a crash skips exactly the cases already done.
CREATE TABLE batch_receipts (
    domain_id    text COLLATE "C" NOT NULL,
    operation    text COLLATE "C" NOT NULL,
    token        text COLLATE "C" NOT NULL,
    fingerprint  text NOT NULL,
    created_time timestamptz NOT NULL,
    PRIMARY KEY (domain_id, operation, token)
);

CREATE TABLE batch_receipt_entries (
    domain_id text COLLATE "C" NOT NULL,
    operation text COLLATE "C" NOT NULL,
    token     text COLLATE "C" NOT NULL,
    position  integer NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, operation, token, position)
);

-- One row per merge; status IN_PROGRESS until the job's single transaction applies it and marks it COMPLETED.
CREATE TABLE merge_jobs (
    domain_id         text COLLATE "C" NOT NULL,
    merge_id          text COLLATE "C" NOT NULL,
    primary_case_id   text COLLATE "C" NOT NULL,
    secondary_case_id text COLLATE "C" NOT NULL,
    status            text COLLATE "C" NOT NULL,
    started_time      timestamptz NOT NULL,
    doc               jsonb NOT NULL,
    PRIMARY KEY (domain_id, merge_id)
);
-- A case is merged away at most once, ever.
CREATE UNIQUE INDEX merge_jobs_secondary ON merge_jobs (domain_id, secondary_case_id);
-- The guard on every case write: is this case the primary of a running merge?
CREATE INDEX merge_jobs_running_primary ON merge_jobs (domain_id, primary_case_id) WHERE status = 'IN_PROGRESS';
-- The runner's queue: running merges, oldest first.
CREATE INDEX merge_jobs_running ON merge_jobs (started_time, domain_id, merge_id) WHERE status = 'IN_PROGRESS';
