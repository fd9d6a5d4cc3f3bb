package com.vaticprop.core.engine;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.support.Sql;
import com.vaticprop.trading.market.Quote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stores, with each breach caused by a quote, the ticks of every venue for that instrument from {@code window} before
 * the breach to {@code window} after it ({@code violation_ticks}) — the evidence an operator weighs before voiding a
 * breach as a bad tick. Both halves are written after the breach has committed, off the monitor's path (the breach
 * itself, its quote and explanation are in the breach's own transaction): the ticks before it at once, those after
 * it once the window has passed. A replica that stops within the window loses the ticks it had not written yet;
 * the breach quote is never lost.
 */
public final class BreachEvidence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BreachEvidence.class);

    private final JdbcTemplate jdbc;
    private final JdbcClient reads;
    private final QuoteTable quotes;
    private final Duration window;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("breach-evidence").daemon(true).unstarted(r));

    public BreachEvidence(JdbcTemplate jdbc, JdbcClient reads, QuoteTable quotes, Duration window) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.quotes = quotes;
        this.window = window;
    }

    /** Called in the transaction that records the breach; writes nothing unless it commits. */
    void breached(UUID violationId, Quote breach) {
        if (breach == null) {
            return; // a time limit ran out: no quote caused it
        }
        String instrument = breach.instrument().value();
        Instant at = breach.receivedTs();
        Runnable before = () -> store(violationId, instrument, at.minus(window), at);
        Runnable after = () -> store(violationId, instrument, at.plusNanos(1), at.plus(window));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(before, after);
                }
            });
        } else {
            schedule(before, after);
        }
    }

    private void schedule(Runnable before, Runnable after) {
        writer.execute(before);
        writer.schedule(after, window.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    private void store(UUID violationId, String instrument, Instant from, Instant to) {
        List<Quote> ticks = quotes.history().between(instrument, from, to);
        try {
            jdbc.batchUpdate("""
                            INSERT INTO violation_ticks (id, violation_id, instrument, venue, bid, ask, bid_size,
                                                         ask_size, venue_ts, received_ts, venue_seq)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ticks, 500, (ps, q) -> {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, violationId);
                ps.setString(3, instrument);
                ps.setString(4, q.venue());
                ps.setBigDecimal(5, q.bid());
                ps.setBigDecimal(6, q.ask());
                ps.setBigDecimal(7, q.bidSize());
                ps.setBigDecimal(8, q.askSize());
                ps.setObject(9, Sql.ts(q.venueTs()));
                ps.setObject(10, Sql.ts(q.receivedTs()));
                ps.setObject(11, q.venueSeq());
            });
        } catch (RuntimeException e) {
            log.warn("breach evidence of violation {} ({} ticks) not stored: {}", violationId, ticks.size(),
                    e.toString());
        }
    }

    /** One stored tick, flagged when it is the quote the breach was measured on. */
    public record Tick(String venue, java.math.BigDecimal bid, java.math.BigDecimal ask,
                       java.math.BigDecimal bidSize, java.math.BigDecimal askSize, Instant venueTs,
                       Instant receivedTs, Long venueSeq, boolean breachQuote) {
    }

    /** The breach with its quote and the ticks around it. */
    public record Evidence(UUID violationId, String rule, Instant detectedAt, Object explanation, Object quote,
                           String instrument, Duration window, List<Tick> ticks) {
    }

    /** The stored evidence of one violation of the assessment, if it exists. */
    public java.util.Optional<Evidence> of(UUID assessmentId, UUID violationId) {
        return reads.sql("""
                        SELECT rule, detected_at, CAST(explanation AS TEXT) AS explanation,
                               CAST(quote AS TEXT) AS quote, quote ->> 'instrument' AS instrument,
                               quote ->> 'receivedTs' AS quote_received, quote ->> 'venue' AS quote_venue
                        FROM violations WHERE id = ? AND assessment_id = ?""")
                .params(violationId, assessmentId)
                .query((rs, n) -> {
                    Instant breachAt = rs.getString("quote_received") == null ? null
                            : Instant.parse(rs.getString("quote_received"));
                    String breachVenue = rs.getString("quote_venue");
                    List<Tick> ticks = reads.sql("""
                                    SELECT venue, bid, ask, bid_size, ask_size, venue_ts, received_ts, venue_seq
                                    FROM violation_ticks WHERE violation_id = ? ORDER BY received_ts, venue""")
                            .param(violationId)
                            .query((t, i) -> {
                                Instant received = Sql.instant(t, "received_ts");
                                return new Tick(t.getString("venue"), t.getBigDecimal("bid"), t.getBigDecimal("ask"),
                                        t.getBigDecimal("bid_size"), t.getBigDecimal("ask_size"),
                                        Sql.instant(t, "venue_ts"), received,
                                        (Long) t.getObject("venue_seq"),
                                        sameInstant(received, breachAt) && t.getString("venue").equals(breachVenue));
                            }).list();
                    return new Evidence(violationId, rs.getString("rule"), Sql.instant(rs, "detected_at"),
                            json(rs.getString("explanation")), json(rs.getString("quote")),
                            rs.getString("instrument"), window, ticks);
                }).optional();
    }

    /** The database keeps microseconds (rounded); the breach quote's JSON keeps the nanoseconds it was received at. */
    private static boolean sameInstant(Instant stored, Instant exact) {
        return exact != null && Math.abs(Duration.between(stored, exact).toNanos()) < 1_000;
    }

    private static Object json(String text) {
        return text == null ? null : com.vaticprop.platform.json.VaticJson.mapper().readValue(text, Map.class);
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
