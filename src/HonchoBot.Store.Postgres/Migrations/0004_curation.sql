-- The question log and answer feedback in postgres mode, shared by replicas so `honcho gaps` on any replica sees
-- every replica's questions and votes. No user id is stored: askers and voters appear only as keyed hashes, and
-- the key is kept here once for all replicas. Rows older than Questions:RetentionDays are deleted by each replica.

CREATE TABLE questions (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at      timestamptz NOT NULL,
    text          text        NOT NULL,
    -- answered, no_answer, error...
    status        text        NOT NULL,
    platform      text        NOT NULL,
    -- discord:{guild} or slack:{team}; null for DMs and the console.
    community_id  text
);

CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_community_asked_at ON questions (community_id, asked_at);

CREATE TABLE feedback_answers (
    -- AnswerIds: yyMMdd then ten base-32 characters, carried by the buttons.
    id            text        PRIMARY KEY,
    answered_at   timestamptz NOT NULL,
    question      text        NOT NULL,
    status        text        NOT NULL,
    passage_ids   text[]      NOT NULL,
    platform      text        NOT NULL,
    community_id  text,
    channel_id    text,
    asker_hash    text
);

CREATE INDEX feedback_answers_answered_at ON feedback_answers (answered_at);

CREATE TABLE feedback_votes (
    answer_id     text        NOT NULL REFERENCES feedback_answers (id) ON DELETE CASCADE,
    voter_hash    text        NOT NULL,
    -- up or down; reason wrong_source or missing_answer (down only).
    value         text        NOT NULL,
    reason        text,
    voted_at      timestamptz NOT NULL,
    PRIMARY KEY (answer_id, voter_hash)
);

CREATE INDEX feedback_votes_voted_at ON feedback_votes (voted_at);

CREATE TABLE identity_hash_key (
    -- One row: the HMAC key every replica hashes user ids with.
    id   smallint PRIMARY KEY CHECK (id = 1),
    key  bytea    NOT NULL CHECK (octet_length(key) = 32)
);
