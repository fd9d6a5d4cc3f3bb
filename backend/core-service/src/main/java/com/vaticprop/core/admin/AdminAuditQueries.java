package com.vaticprop.core.admin;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of {@code admin_audit}: filtered pages, newest first, and the chain check. Never writes. */
@Repository
class AdminAuditQueries {

    /** Filters of {@code GET /admin/audit}; null = any. {@code beforeSeq} pages backwards. */
    record Filter(UUID actor, String action, String subject, Instant from, Instant to, Long beforeSeq, int limit) {
    }

    /** The result of walking the chain from the first entry. */
    record Verification(long entries, boolean intact, Long firstBrokenSeq, String problem) {
    }

    private static final RowMapper<AuditEntry> ROW = (rs, n) -> new AuditEntry(rs.getLong("seq"),
            Sql.uuid(rs, "id"), Sql.instant(rs, "at"), Sql.uuid(rs, "actor"), rs.getString("action"),
            rs.getString("subject"), rs.getString("before"), rs.getString("after"), rs.getString("reason"),
            rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;

    AdminAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEntry> find(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM admin_audit WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            params.add(f.action());
        }
        if (f.subject() != null) {
            sql.append(" AND subject = ?");
            params.add(f.subject());
        }
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Sql.ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            params.add(Sql.ts(f.to()));
        }
        if (f.beforeSeq() != null) {
            sql.append(" AND seq < ?");
            params.add(f.beforeSeq());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(f.limit());
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** Recomputes every hash in seq order (in pages) and compares the end of the chain with its head. */
    Verification verify() {
        String previous = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql("SELECT * FROM admin_audit WHERE seq >= ? ORDER BY seq LIMIT 1000")
                    .param(expectedSeq).query(ROW).list();
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Verification(count, false, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(previous)) {
                    return new Verification(count, false, e.seq(), "does not follow the previous entry");
                }
                if (!e.computeHash().equals(e.hash())) {
                    return new Verification(count, false, e.seq(), "its content was changed after it was written");
                }
                previous = e.hash();
                expectedSeq++;
                count++;
            }
            if (page.size() < 1000) {
                break;
            }
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT seq, hash FROM admin_audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
        if (head.seq() != count || !head.hash().equals(previous)) {
            return new Verification(count, false, count + 1, "entries after " + count + " are missing");
        }
        return new Verification(count, true, null, null);
    }
}
