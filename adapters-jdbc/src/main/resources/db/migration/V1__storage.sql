-- OpenCases storage on PostgreSQL. Each aggregate is one JSONB document (mapped by the adapter's Jackson mix-ins)
-- next to the key columns its lookups, orderings, uniqueness and deletes need. Keys are COLLATE "C" so the
-- database orders ids exactly as Java's String.compareTo does (keyset listings) and compares names byte for byte.

CREATE TABLE domains (
    domain_id           text COLLATE "C" PRIMARY KEY,
    account_id          text COLLATE "C" NOT NULL,
    name                text COLLATE "C" NOT NULL,
    doc                 jsonb NOT NULL,
    event_configuration jsonb
);
-- list / countByAccount walk the account's domains in id order; findByName; names are unique per account.
CREATE INDEX domains_by_account ON domains (account_id, domain_id);
CREATE UNIQUE INDEX domains_name_per_account ON domains (account_id, name);

-- The four kinds of named, soft-deletable domain resources share one shape. findLiveByName uses the unique index
-- of live names (a live name is unique in its domain); listLive and countLive walk the partial index of live ids.
CREATE TABLE fields (
    domain_id text COLLATE "C" NOT NULL,
    id        text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    deleted   boolean NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE UNIQUE INDEX fields_live_name ON fields (domain_id, name) WHERE NOT deleted;
CREATE INDEX fields_live_id ON fields (domain_id, id) WHERE NOT deleted;

CREATE TABLE field_options (
    domain_id text COLLATE "C" NOT NULL,
    field_id  text COLLATE "C" NOT NULL,
    options   jsonb NOT NULL,
    PRIMARY KEY (domain_id, field_id)
);

CREATE TABLE layouts (
    domain_id text COLLATE "C" NOT NULL,
    id        text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    deleted   boolean NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE UNIQUE INDEX layouts_live_name ON layouts (domain_id, name) WHERE NOT deleted;
CREATE INDEX layouts_live_id ON layouts (domain_id, id) WHERE NOT deleted;

CREATE TABLE templates (
    domain_id text COLLATE "C" NOT NULL,
    id        text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    deleted   boolean NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE UNIQUE INDEX templates_live_name ON templates (domain_id, name) WHERE NOT deleted;
CREATE INDEX templates_live_id ON templates (domain_id, id) WHERE NOT deleted;

CREATE TABLE case_rules (
    domain_id text COLLATE "C" NOT NULL,
    id        text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    deleted   boolean NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE UNIQUE INDEX case_rules_live_name ON case_rules (domain_id, name) WHERE NOT deleted;
CREATE INDEX case_rules_live_id ON case_rules (domain_id, id) WHERE NOT deleted;

-- Cases are rewritten on every UpdateCase: room on each page keeps those updates HOT (no new index entries).
CREATE TABLE cases (
    domain_id text COLLATE "C" NOT NULL,
    case_id   text COLLATE "C" NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (domain_id, case_id)
) WITH (fillfactor = 85);

-- A row without a case is a claim: CreateCase's lookup of an unused token inserts it (see JdbcCaseRepository),
-- and saving the token fills it in.
CREATE TABLE case_client_tokens (
    domain_id           text COLLATE "C" NOT NULL,
    token               text COLLATE "C" NOT NULL,
    request_fingerprint text,
    case_id             text COLLATE "C",
    created_time        timestamptz,
    PRIMARY KEY (domain_id, token)
);
-- DeleteCase drops the case's token.
CREATE INDEX case_client_tokens_by_case ON case_client_tokens (domain_id, case_id);

CREATE TABLE audit_events (
    sequence  bigserial PRIMARY KEY,
    domain_id text COLLATE "C" NOT NULL,
    case_id   text COLLATE "C" NOT NULL,
    doc       jsonb NOT NULL
);
-- A case's history in append order; deleteCase and deleteAllInDomain use its prefixes.
CREATE INDEX audit_events_by_case ON audit_events (domain_id, case_id, sequence);

CREATE TABLE related_items (
    domain_id        text COLLATE "C" NOT NULL,
    case_id          text COLLATE "C" NOT NULL,
    related_item_id  text COLLATE "C" NOT NULL,
    association_time timestamptz NOT NULL,
    contact_arn      text COLLATE "C",
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, case_id, related_item_id)
);
-- caseIdsWithContact: the cases of a domain with a Contact item for one contact, in case id order.
CREATE INDEX related_items_by_contact ON related_items (domain_id, contact_arn, case_id)
    WHERE contact_arn IS NOT NULL;

-- Tags of every taggable resource by ARN; deleteTree removes an ARN and the range of ARNs below it.
CREATE TABLE tags (
    arn   text COLLATE "C" NOT NULL,
    key   text COLLATE "C" NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (arn, key)
);

CREATE TABLE case_event_outbox (
    sequence        bigserial PRIMARY KEY,
    event           jsonb NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz
);

CREATE TABLE case_event_dead_letters (
    sequence   bigint PRIMARY KEY,
    event      jsonb NOT NULL,
    attempts   integer NOT NULL,
    last_error text NOT NULL
);

CREATE TABLE case_changes (
    position    bigserial PRIMARY KEY,
    domain_id   text COLLATE "C" NOT NULL,
    case_id     text COLLATE "C",
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- prune(before): recorded_at grows with position, so a BRIN index finds old rows and costs appends nothing.
CREATE INDEX case_changes_recorded_at ON case_changes USING brin (recorded_at);

-- What prune has forgotten survives restarts: one row.
CREATE TABLE case_change_feed_state (
    id             boolean PRIMARY KEY DEFAULT true CHECK (id),
    pruned_through bigint NOT NULL
);
INSERT INTO case_change_feed_state (pruned_through) VALUES (0);
