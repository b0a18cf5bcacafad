-- Chat state shared by replicas in postgres mode, so a retry delivered to another replica is answered once and
-- an asker's allowance is the same whichever replica they reach. Rows expire: each replica deletes expired ones.

CREATE TABLE seen_ids (
    -- slack_event (event_id) or discord_interaction (interaction id).
    kind        text        NOT NULL,
    id          text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE INDEX seen_ids_expiry ON seen_ids (expires_at);

CREATE TABLE rate_buckets (
    -- user:{platform}:{id} or channel:{platform}:{id}; a bucket untouched for a minute has refilled and is deleted.
    bucket      text             PRIMARY KEY,
    tokens      double precision NOT NULL,
    updated_at  timestamptz      NOT NULL
);

CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);
