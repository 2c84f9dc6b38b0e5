-- Leases (see src/memory/lease.rs): a worker about to send a segment to an engine claims it
-- here, so workers sharing the memory never translate the same segment at the same time. A
-- lease whose holder died expires (expires_at, Unix milliseconds) and is taken over.
CREATE TABLE lease (
    source_hash   BLOB    NOT NULL,
    target_locale TEXT    NOT NULL,
    worker        TEXT    NOT NULL,
    expires_at    INTEGER NOT NULL,
    PRIMARY KEY (source_hash, target_locale)
) WITHOUT ROWID;
CREATE INDEX lease_worker ON lease (worker);
