-- Issue 10: the admin audit trail, queryable (GET /admin/audit) and immutable.
-- Append-only by design, without triggers or rules (CockroachDB portability): the application has no UPDATE or
-- DELETE path for it, and every entry is chained to the previous one — hash = SHA-256 over the entry's fields and the
-- previous entry's hash — so any later change or deletion breaks the chain at that entry, which
-- GET /admin/audit/verify reports. before/after are stored as the exact JSON text that was hashed.
CREATE TABLE admin_audit (
    seq        BIGINT       NOT NULL PRIMARY KEY CHECK (seq >= 1),
    id         UUID         NOT NULL,             -- also the id of the admin.audit event
    at         TIMESTAMPTZ  NOT NULL,
    actor      UUID         NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    before     TEXT,
    after      TEXT,
    reason     VARCHAR(1000),
    prev_hash  VARCHAR(64)  NOT NULL,
    hash       VARCHAR(64)  NOT NULL,
    CONSTRAINT admin_audit_id_key UNIQUE (id)
);

CREATE INDEX admin_audit_actor_idx ON admin_audit (actor, seq);
CREATE INDEX admin_audit_subject_idx ON admin_audit (subject, seq);
CREATE INDEX admin_audit_action_idx ON admin_audit (action, seq);

-- The chain's head: one row, locked by each append so entries get consecutive seqs and the right previous hash.
CREATE TABLE admin_audit_head (
    id   INT         NOT NULL PRIMARY KEY CHECK (id = 1),
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO admin_audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
