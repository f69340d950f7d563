-- The workspace's agents (names unique on the server, each of one account) and the case views they saved.
CREATE TABLE agents (
    name          text COLLATE "C" PRIMARY KEY,
    account_id    text COLLATE "C" NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL,
    user_arn      text NOT NULL,
    disabled      boolean NOT NULL,
    created_time  timestamptz NOT NULL
);
CREATE INDEX agents_by_account ON agents (account_id, name);

CREATE TABLE agent_views (
    agent_name      text COLLATE "C" NOT NULL,
    view_id         text COLLATE "C" NOT NULL,
    domain_id       text COLLATE "C" NOT NULL,
    name            text COLLATE "C" NOT NULL,
    search_term     text,
    filter_field_id text,
    filter_value    text,
    sort_field_id   text,
    sort_ascending  boolean NOT NULL,
    columns         text[] NOT NULL,
    PRIMARY KEY (agent_name, view_id)
);
CREATE INDEX agent_views_by_domain ON agent_views (agent_name, domain_id, name);
