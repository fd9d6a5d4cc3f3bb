package com.vaticprop.core.outbox;

import com.vaticprop.core.support.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes outbox rows that Kafka acknowledged longer ago than the retention (default 7 days), so the table holds the
 * backlog and a recent window for reconciliation instead of every event ever written. Unpublished rows are never
 * touched, whatever their age. Deletes go in small batches: each is its own short transaction, so pruning a large
 * backlog never holds locks the relay or the request path wait for. Seqs are allocated from
 * {@code assessments.last_seq}, not from the rows, so deleting rows can never make a seq be reused.
 */
public final class OutboxPruner {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

    /** @param retention how long a published row is kept; {@code interval} how often pruning runs */
    public record Settings(Duration retention, Duration interval, int batchSize) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Settings settings;
    private final Counter pruned;

    public OutboxPruner(JdbcClient jdbc, Clock clock, Settings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.pruned = Counter.builder("vatic.outbox.pruned").description("published outbox rows deleted")
                .register(meters);
    }

    /** Deletes every row published before now − retention; returns how many. */
    public long prune() {
        Instant cutoff = clock.instant().minus(settings.retention());
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM outbox WHERE id IN (
                                SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < ?
                                LIMIT ?)""")
                    .params(Sql.ts(cutoff), settings.batchSize()).update();
            total += deleted;
        } while (deleted == settings.batchSize());
        pruned.increment(total);
        if (total > 0) {
            log.info("outbox pruned {} row(s) published before {}", total, cutoff);
        }
        return total;
    }
}
