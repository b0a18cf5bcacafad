-- The source of truth in postgres mode: added sources, hidden sources per community, the audit log, and a
-- sequence-numbered change log that each replica follows to keep its own index current.
-- Never edit a migration once it has shipped: add the next number instead (the migrator checks checksums).

CREATE TABLE sources (
    source_id     text        PRIMARY KEY,
    -- NULL: the global library; otherwise the community (discord:{guild}, slack:{team}) that added it.
    community_id  text        NULL,
    title         text        NOT NULL,
    -- The source exactly as the files store writes it (corpus Markdown: YAML front matter with every
    -- metadata field, then the body with its locations), so both stores parse and hash it the same way.
    content       text        NOT NULL,
    content_hash  text        NOT NULL,
    -- staged -> published, or staged -> discarded; published -> removed. Only published sources are live.
    state         text        NOT NULL CHECK (state IN ('staged', 'published', 'discarded', 'removed')),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX sources_state ON sources (state);

CREATE TABLE hidden_sources (
    -- 'global' for the global library's own hidden list, as in hidden-sources.json.
    community_id  text        NOT NULL,
    source_id     text        NOT NULL,
    hidden_at     timestamptz NOT NULL,
    PRIMARY KEY (community_id, source_id)
);

CREATE TABLE audit_log (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    platform      text        NOT NULL,
    user_id       text        NOT NULL,
    display_name  text        NOT NULL,
    community_id  text        NULL,
    channel_id    text        NULL,
    action        text        NOT NULL,
    source_id     text        NULL,
    outcome       text        NOT NULL,
    detail        text        NULL
);

CREATE TABLE change_log (
    -- Replicas store the last seq they applied in their index commit and catch up from there.
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('added', 'removed', 'hidden', 'unhidden')),
    source_id     text        NOT NULL,
    community_id  text        NULL
);
