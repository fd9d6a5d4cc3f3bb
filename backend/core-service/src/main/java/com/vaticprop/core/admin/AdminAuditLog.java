package com.vaticprop.core.admin;

import com.vaticprop.core.outbox.OutboxWriter;
import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AdminAudit;
import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records an admin action, inside the transaction of the action itself: an action that commits is always audited,
 * an audited action always happened. Each entry goes to the append-only {@code admin_audit} table (chained by hash to
 * the previous entry, see V21) for {@code GET /admin/audit}, and to the {@code admin.audit} topic through the outbox.
 * Appends are serialised by the chain head's row lock — admin actions are rare, order matters more than throughput.
 */
@Component
public class AdminAuditLog {

    private static final Logger log = LoggerFactory.getLogger(AdminAuditLog.class);

    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdminAuditLog(OutboxWriter outbox, JdbcClient jdbc, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(UUID actor, String action, String subject, Object before, Object after, String reason) {
        String storedReason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        JsonNode beforeJson = before == null ? null : VaticJson.mapper().valueToTree(before);
        JsonNode afterJson = after == null ? null : VaticJson.mapper().valueToTree(after);
        // PostgreSQL keeps microseconds: hash what the table will give back
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope<AdminAudit> event = outbox.append(EventEnvelope.of(EventType.ADMIN_AUDIT, at,
                new AdminAudit(actor.toString(), action, subject, beforeJson, afterJson, reason)));
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT seq, hash FROM admin_audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
        AuditEntry entry = new AuditEntry(head.seq() + 1, event.id(), at, actor, action, subject,
                beforeJson == null ? null : beforeJson.toString(), afterJson == null ? null : afterJson.toString(),
                storedReason, head.hash(), null);
        String hash = entry.computeHash();
        jdbc.sql("""
                        INSERT INTO admin_audit (seq, id, at, actor, action, subject, before, after, reason, prev_hash,
                                                 hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.seq(), entry.id(), Sql.ts(at), actor, action, subject, entry.before(), entry.after(),
                        storedReason, head.hash(), hash)
                .update();
        jdbc.sql("UPDATE admin_audit_head SET seq = ?, hash = ? WHERE id = 1").params(entry.seq(), hash).update();
        log.info("admin action={} subject={} by={}", action, subject, actor);
    }
}
