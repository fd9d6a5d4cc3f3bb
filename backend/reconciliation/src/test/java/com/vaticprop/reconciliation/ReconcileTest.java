package com.vaticprop.reconciliation;

import com.vaticprop.testkit.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation tool against real PostgreSQL (core-service's, report-service's and monte-carlo-service's own
 * migrations), the embedded KRaft Kafka and Redis: a clean data set passes with exit 0, and each kind of discrepancy
 * injected into an otherwise clean set is named — kind, store and item — with exit 1.
 */
class ReconcileTest {

    private static final int ROUND_TRIPS = 6;

    @Test
    void aCleanDataSetReconcilesWithExitZeroAfterComparingEverything() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        Run run = reconcile(set);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("RESULT CLEAN");
        // it looked at everything it claims to have checked: 13 trades (6 round trips and an open position), every
        // event on Kafka, every entry of the resume history
        long events = set.history.lastSeq();
        assertThat(run.output).contains("trades=13", "orders=13", "outbox_events=" + events, "kafka_events=" + events,
                "report_fills=13", "report_round_trips=6", "montecarlo_round_trips=6",
                "websocket_history_entries=" + events);
    }

    @Test
    void anEventTheOutboxSaysWasPublishedButIsNotOnKafkaIsLost() throws Exception {
        TradingHistory h = TradingHistory.withRoundTrips(ROUND_TRIPS);
        TradingHistory.Event dropped = h.events.get(4);
        Run run = reconcile(CleanDataSet.write(h, events -> without(events, dropped)));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("LOST [kafka] " + dropped.type() + " " + dropped.id())).contains("seq 5", "not on " + dropped.topic());
        assertThat(run.line("GAP [kafka] assessment " + h.assessmentId)).contains("seq missing: 5");
    }

    @Test
    void anEventProducedTwiceIsDuplicated() throws Exception {
        TradingHistory h = TradingHistory.withRoundTrips(ROUND_TRIPS);
        TradingHistory.Event twice = h.events.get(3);
        Run run = reconcile(CleanDataSet.write(h, events -> {
            List<TradingHistory.Event> sent = new ArrayList<>(events);
            sent.add(twice);
            return sent;
        }));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("DUPLICATED [kafka] " + twice.type() + " " + twice.id())).contains("2 copies");
    }

    @Test
    void wireDuplicatesCanBeToleratedAsTheRelayIsAtLeastOnce() throws Exception {
        TradingHistory h = TradingHistory.withRoundTrips(2);
        TradingHistory.Event twice = h.events.get(3);
        CleanDataSet set = CleanDataSet.write(h, events -> {
            List<TradingHistory.Event> sent = new ArrayList<>(events);
            sent.add(twice);
            return sent;
        });
        List<String> args = new ArrayList<>(set.args());
        args.add("--tolerate-wire-duplicates");
        Run run = reconcile(args);
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("tolerated_wire_duplicates=1");
    }

    @Test
    void twoEventsOfOneAssessmentSwappedOnTheirPartitionAreOutOfOrder() throws Exception {
        TradingHistory h = TradingHistory.withRoundTrips(ROUND_TRIPS);
        // seq 3 and 6: the buy's and the sell's order-placed, same topic and key, hence the same partition
        TradingHistory.Event third = h.events.get(2);
        TradingHistory.Event sixth = h.events.get(5);
        assertThat(third.topic()).isEqualTo(sixth.topic());
        Run run = reconcile(CleanDataSet.write(h, events -> {
            List<TradingHistory.Event> sent = new ArrayList<>(events);
            sent.set(2, sixth);
            sent.set(5, third);
            return sent;
        }));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("OUT_OF_ORDER [kafka] assessment " + h.assessmentId)).contains("seq 3 (" + third.id() + ")",
                "after seq 6");
    }

    @Test
    void aReadModelBalanceThatDiffersFromCoreIsAMismatch() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        TradingHistory h = set.history;
        var endpoint = TestInfrastructure.redis();
        RedisClient client = RedisClient.create(RedisURI.create(endpoint.host(), endpoint.port()));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String key = set.redisPrefix + "ws:snapshot:" + h.assessmentId;
            redis.sync().set(key, redis.sync().get(key).replace("\"" + h.balance().toPlainString() + "\"", "\"100001.5\""));
        } finally {
            client.shutdown();
        }
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("MISMATCH [websocket] balance of assessment " + h.assessmentId))
                .contains("100001.5", h.balance().toPlainString());
    }

    @Test
    void aReportRoundTripWithOtherPnlIsAMismatchAndMovesTheReportBalance() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        TradingHistory.Position p = set.history.positions.get(1);
        sql(set, c -> CleanDataSet.update(c, "UPDATE report.round_trip SET realized_pnl = realized_pnl + 7 WHERE position_id = ?", p.id));
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("MISMATCH [report] round trip " + p.id)).contains("core " + p.realized.toPlainString());
        assertThat(run.line("MISMATCH [report] balance of assessment " + set.history.assessmentId)).isNotEmpty();
    }

    @Test
    void aTradeDeletedFromCoreIsNamedWithTheEventThatAnnouncedIt() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        TradingHistory.Trade t = set.history.trades.get(2);
        sql(set, c -> CleanDataSet.update(c, "DELETE FROM core.trades WHERE id = ?", t.id()));
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("LOST [core db] trade " + t.id())).contains("seq " + t.seq(), "not in core.trades");
        assertThat(run.line("MISMATCH [core db] order " + t.orderId())).contains("its trades sum to 0");
        assertThat(run.line("MISMATCH [report] fill " + t.id())).contains("not in core.trades");
    }

    @Test
    void aPositionAlteredInCoreDisagreesWithTheReplayOfItsTrades() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        TradingHistory.Position closed = set.history.positions.get(0);
        TradingHistory.Position open = set.history.positions.get(ROUND_TRIPS);
        sql(set, c -> {
            CleanDataSet.update(c, "UPDATE core.positions SET realized_pnl = realized_pnl - 3 WHERE id = ?", closed.id);
            CleanDataSet.update(c, "UPDATE core.positions SET qty = 1.5 WHERE id = ?", open.id);
        });
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("MISMATCH [core db] position " + closed.id)).contains("realized_pnl", "replay gives "
                + closed.realized.toPlainString());
        assertThat(run.line("MISMATCH [core db] position " + open.id)).contains("open LONG 1.5", "LONG 2.00000000");
    }

    @Test
    void aHoleInTheResumeHistoryIsAGap() throws Exception {
        CleanDataSet set = CleanDataSet.write(TradingHistory.withRoundTrips(ROUND_TRIPS), UnaryOperator.identity());
        var endpoint = TestInfrastructure.redis();
        RedisClient client = RedisClient.create(RedisURI.create(endpoint.host(), endpoint.port()));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().xdel(set.redisPrefix + "ws:history:" + set.history.assessmentId, "7-0");
        } finally {
            client.shutdown();
        }
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("GAP [websocket] assessment " + set.history.assessmentId)).contains("from seq 6 to 8");
    }

    @Test
    void anOutboxRowNeverRelayedIsUnpublishedNotLost() throws Exception {
        TradingHistory h = TradingHistory.withRoundTrips(2);
        TradingHistory.Event last = h.events.get(h.events.size() - 1);
        CleanDataSet set = CleanDataSet.write(h, events -> without(events, last));
        sql(set, c -> CleanDataSet.update(c, "UPDATE core.outbox SET published_at = NULL WHERE id = ?", last.id()));
        Run run = reconcile(set);
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.line("UNPUBLISHED [core outbox] " + last.type() + " " + last.id())).contains("not yet published");
        assertThat(run.output).doesNotContain("LOST [kafka]");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static List<TradingHistory.Event> without(List<TradingHistory.Event> events, TradingHistory.Event dropped) {
        return events.stream().filter(e -> !e.id().equals(dropped.id())).toList();
    }

    private static void sql(CleanDataSet set, SqlWork work) throws Exception {
        try (Connection c = set.connect()) {
            work.run(c);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws Exception;
    }

    private static Run reconcile(CleanDataSet set) {
        return reconcile(set.args());
    }

    private static Run reconcile(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Reconcile.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {
        /** The one output line that starts with {@code prefix}; fails the test (showing the output) if none does. */
        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in:\n" + output));
        }
    }

}
