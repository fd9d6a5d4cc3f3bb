package com.vaticprop.core.admin;

import com.vaticprop.core.outbox.OutboxWriter;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AdminAudit;
import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Records an admin action on {@code admin.audit} through the outbox, inside the transaction of the action itself: an
 * action that commits is always audited, an audited action always happened.
 */
@Component
public class AdminAuditLog {

    private static final Logger log = LoggerFactory.getLogger(AdminAuditLog.class);

    private final OutboxWriter outbox;

    AdminAuditLog(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void record(UUID actor, String action, String subject, Object before, Object after, String reason) {
        outbox.append(EventType.ADMIN_AUDIT, new AdminAudit(actor.toString(), action, subject,
                before == null ? null : VaticJson.mapper().valueToTree(before),
                after == null ? null : VaticJson.mapper().valueToTree(after), reason));
        log.info("admin action={} subject={} by={}", action, subject, actor);
    }
}
