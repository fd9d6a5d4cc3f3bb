package com.vaticprop.core.purchase;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code stripe_events}: the Stripe event ids already handled. Claiming an id and applying its effect happen in one
 * transaction, so a replayed or concurrently redelivered event finds the id taken and changes nothing.
 */
@Repository
class StripeEventLog {

    private final JdbcClient jdbc;

    StripeEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this call claimed the id; false if it was handled before (or is being handled by a committed peer). */
    boolean claim(StripeEvent event, Instant now) {
        return jdbc.sql("""
                        INSERT INTO stripe_events (id, type, payload, received_at)
                        VALUES (?, ?, CAST(? AS JSONB), ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(event.id(), event.type(), event.payload(), Sql.ts(now))
                .update() == 1;
    }

    void finish(String eventId, UUID purchaseId, String outcome, Instant now) {
        jdbc.sql("UPDATE stripe_events SET purchase_id = ?, outcome = ?, processed_at = ? WHERE id = ?")
                .params(purchaseId, outcome, Sql.ts(now), eventId).update();
    }
}
