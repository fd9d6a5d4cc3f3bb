package com.vaticprop.report.readmodel;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.data.PurchaseEvent;
import com.vaticprop.platform.events.data.SimulationCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;

/**
 * Applies the events that carry no seq — {@code montecarlo.simulation-completed} (latest successful simulation of an
 * assessment, with its fan chart) and {@code payment.purchase-*} (revenue) — exactly once by event id (the caller
 * wraps it in {@link com.vaticprop.platform.events.consumer.IdempotentConsumer}). A newer simulation of a finished
 * assessment re-queues its FINAL report so the fan chart in it is the latest.
 */
public final class SideEventWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportQueue queue;

    public SideEventWriter(JdbcClient jdbc, JsonMapper json, ReportQueue queue) {
        this.jdbc = jdbc;
        this.json = json;
        this.queue = queue;
    }

    public void apply(EventEnvelope<?> e) {
        switch (e.eventType()) {
            case SIMULATION_COMPLETED -> simulation(e, (SimulationCompleted) e.data());
            case PURCHASE_COMPLETED -> purchase(e, (PurchaseEvent) e.data(), "COMPLETED");
            case PURCHASE_FAILED -> purchase(e, (PurchaseEvent) e.data(), "FAILED");
            case PURCHASE_REFUNDED -> purchase(e, (PurchaseEvent) e.data(), "REFUNDED");
            default -> { }
        }
    }

    private void simulation(EventEnvelope<?> e, SimulationCompleted s) {
        if (e.assessmentId() == null || !"SUCCEEDED".equals(s.status()) || s.summary() == null
                || s.fanChart() == null) {
            return;
        }
        int updated = jdbc.sql("""
                        INSERT INTO simulation (assessment_id, simulation_id, summary, fan_chart, completed_at)
                        VALUES (?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?)
                        ON CONFLICT (assessment_id) DO UPDATE SET simulation_id = excluded.simulation_id,
                            summary = excluded.summary, fan_chart = excluded.fan_chart,
                            completed_at = excluded.completed_at
                        WHERE simulation.completed_at <= excluded.completed_at""")
                .params(e.assessmentId(), s.simulationId(), json.writeValueAsString(s.summary()),
                        json.writeValueAsString(s.fanChart()), Timestamp.from(e.occurredAt()))
                .update();
        if (updated == 1) {
            jdbc.sql("SELECT status, last_seq FROM assessment WHERE assessment_id = ?").param(e.assessmentId())
                    .query((rs, n) -> {
                        String status = rs.getString("status");
                        if ("PASSED".equals(status) || "FAILED".equals(status)) {
                            queue.request(e.assessmentId(), ReportKind.FINAL, rs.getLong("last_seq"));
                        }
                        return status;
                    }).optional();
        }
    }

    private void purchase(EventEnvelope<?> e, PurchaseEvent p, String kind) {
        jdbc.sql("""
                        INSERT INTO purchase_event (purchase_id, kind, user_id, tier_id, tier_version, amount, currency,
                            occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (purchase_id, kind) DO NOTHING""")
                .params(p.purchaseId(), kind, p.userId(), p.tierId(), p.tierVersion(), p.amount(), p.currency(),
                        Timestamp.from(e.occurredAt()))
                .update();
    }
}
