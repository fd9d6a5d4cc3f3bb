package com.vaticprop.reconciliation;

import com.vaticprop.platform.migration.Migrations;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.reconciliation.wire.KafkaEventReader;
import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.testkit.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * A {@link TradingHistory} written to real stores the way the services write it: core's rows and outbox in a fresh
 * database migrated with core-service's own migrations; the outbox "relayed" to the embedded Kafka in seq order
 * (each send acknowledged before the next, rows then stamped published); report-service's and monte-carlo-service's
 * read-model rows in their schemas (their own migrations); and websocket-service's resume history and latest
 * snapshot in Redis under a fresh key prefix. The relay can be told to send a different list than the outbox —
 * that is how a lost, duplicated or reordered Kafka event is made.
 */
final class CleanDataSet {

    final TradingHistory history;
    final String databaseUrl;
    final String redisPrefix;
    private final DatabaseUrl database;

    private CleanDataSet(TradingHistory history, String databaseUrl) {
        this.history = history;
        this.databaseUrl = databaseUrl;
        this.database = DatabaseUrl.parse(databaseUrl);
        this.redisPrefix = TestInfrastructure.newKeyPrefix("recon");
    }

    /** Writes everything; {@code relay} maps the outbox events (in seq order) to what reaches Kafka. */
    static CleanDataSet write(TradingHistory history, UnaryOperator<List<TradingHistory.Event>> relay) throws Exception {
        CleanDataSet set = new CleanDataSet(history, TestInfrastructure.newDatabase("recon"));
        for (String schema : List.of("core", "report", "montecarlo")) {
            Migrations.flyway(set.database.jdbcUrl(), set.database.username(), set.database.password(), schema).migrate();
        }
        set.writeCore();
        set.relay(relay.apply(List.copyOf(history.events)));
        set.writeReadModels();
        set.writeWebSocketHistory();
        return set;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** The tool's arguments for this data set: a window around it, every read model. */
    List<String> args() {
        var redis = TestInfrastructure.redis();
        return List.of("--from", history.start.minusSeconds(5).toString(), "--to", Instant.now().plusSeconds(60).toString(),
                "--database-url", databaseUrl, "--kafka", TestInfrastructure.kafka().bootstrapServers(),
                "--redis", redis.host() + ":" + redis.port(), "--redis-prefix", redisPrefix);
    }

    // ------------------------------------------------------------------------------------------------ core-service

    private void writeCore() throws SQLException {
        TradingHistory h = history;
        Timestamp t0 = Timestamp.from(h.start);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            update(c, "INSERT INTO core.users (id, email, password_hash, role, status, created_at, updated_at) "
                    + "VALUES (?, ?, 'x', 'TRADER', 'ACTIVE', ?, ?)", h.userId, h.userId + "@example.test", t0, t0);
            update(c, "INSERT INTO core.tiers (id, slug, active, current_version, created_at, updated_at) "
                    + "VALUES (?, ?, true, 1, ?, ?)", h.tierId, "tier-" + h.tierId, t0, t0);
            update(c, "INSERT INTO core.tier_versions (tier_id, version, name, price, currency, rule_set, created_at) "
                    + "VALUES (?, 1, 'Test 100K', 100, 'USD', '{}'::jsonb, ?)", h.tierId, t0);
            update(c, "INSERT INTO core.assessments (id, user_id, tier_id, tier_version, rule_set, status, phase_index, "
                    + "phase_name, funded_eligible, last_seq, version, created_at, started_at, updated_at) VALUES "
                    + "(?, ?, ?, 1, '{}'::jsonb, 'ACTIVE', 0, 'Phase 1', false, ?, 1, ?, ?, ?)",
                    h.assessmentId, h.userId, h.tierId, h.lastSeq(), t0, t0, t0);
            update(c, "INSERT INTO core.virtual_accounts (id, assessment_id, phase_index, currency, initial_balance, "
                    + "balance, realized_pnl, fees_paid, state_version, created_at, updated_at) VALUES "
                    + "(?, ?, 0, 'USD', ?, ?, ?, ?, 1, ?, ?)", h.accountId, h.assessmentId, TradingHistory.INITIAL,
                    h.balance(), h.realized, h.fees, t0, t0);
            for (TradingHistory.Order o : h.orders) {
                Timestamp at = Timestamp.from(o.at());
                update(c, "INSERT INTO core.orders (id, assessment_id, account_id, instrument, side, type, qty, tif, "
                        + "reduce_only, status, filled_qty, idempotency_key, created_at, updated_at) VALUES "
                        + "(?, ?, ?, ?, ?, 'MARKET', ?, 'IOC', false, 'FILLED', ?, ?, ?, ?)", o.id(), h.assessmentId,
                        h.accountId, o.instrument(), o.side(), o.qty(), o.qty(), "key-" + o.id(), at, at);
            }
            for (TradingHistory.Position p : h.positions) {
                update(c, "INSERT INTO core.positions (id, assessment_id, account_id, instrument, side, qty, avg_entry, "
                        + "exit_price, realized_pnl, fees, status, opened_at, closed_at, updated_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id, h.assessmentId, h.accountId, p.instrument,
                        p.side, p.qty, p.entry, p.exit, p.realized, p.fees, p.closed() ? "CLOSED" : "OPEN",
                        Timestamp.from(p.openedAt), p.closed() ? Timestamp.from(p.closedAt) : null,
                        Timestamp.from(p.closed() ? p.closedAt : p.openedAt));
            }
            for (TradingHistory.Trade t : h.trades) {
                update(c, "INSERT INTO core.trades (id, assessment_id, account_id, order_id, position_id, instrument, "
                        + "side, qty, price, fee, notional, quote, executed_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?)", t.id(), h.assessmentId, h.accountId,
                        t.orderId(), t.positionId(), t.instrument(), t.side(), t.qty(), t.price(), t.fee(),
                        t.qty().multiply(t.price()), Timestamp.from(t.at()));
            }
            for (TradingHistory.Event e : h.events) {
                update(c, "INSERT INTO core.outbox (id, assessment_id, seq, topic, event_key, event_type, payload, "
                        + "created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0)", e.id(), h.assessmentId,
                        e.seq(), e.topic(), h.assessmentId.toString(), e.type(), e.payload(), Timestamp.from(e.at()));
            }
            c.commit();
        }
    }

    /** As core's relay: each event sent and acknowledged in turn, then the rows stamped published. */
    private void relay(List<TradingHistory.Event> sent) throws Exception {
        ensureTopics();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (TradingHistory.Event e : sent) {
                producer.send(new ProducerRecord<>(e.topic(), history.assessmentId.toString(),
                        e.payload().getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        try (Connection c = connect()) {
            update(c, "UPDATE core.outbox SET published_at = created_at, attempts = 1");
        }
    }

    private static void ensureTopics() throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            KafkaEventReader.seqTopics().forEach(t -> topics.add(new NewTopic(t, 3, (short) 1)));
            for (var f : admin.createTopics(topics).values().values()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ read models

    private void writeReadModels() throws SQLException {
        TradingHistory h = history;
        Timestamp t0 = Timestamp.from(h.start);
        try (Connection c = connect()) {
            update(c, "INSERT INTO report.assessment (assessment_id, user_id, tier_id, tier_version, rule_set, "
                    + "initial_balance, currency, phase, status, funded_eligible, created_at, started_at, last_seq, "
                    + "updated_at) VALUES (?, ?, ?, 1, '{}'::jsonb, ?, 'USD', 0, 'ACTIVE', false, ?, ?, ?, ?)",
                    h.assessmentId, h.userId, h.tierId, TradingHistory.INITIAL, t0, t0, h.lastSeq(), t0);
            update(c, "INSERT INTO montecarlo.assessment_sample (assessment_id, user_id, rule_set, initial_balance, "
                    + "currency, phase, status, last_seq, updated_at) VALUES (?, ?, '{}'::jsonb, ?, 'USD', 0, 'ACTIVE', ?, ?)",
                    h.assessmentId, h.userId, TradingHistory.INITIAL, h.lastSeq(), t0);
            for (TradingHistory.Trade t : h.trades) {
                update(c, "INSERT INTO report.fill (assessment_id, trade_id, order_id, phase, instrument, side, qty, "
                        + "price, fee, filled_at, seq) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)", h.assessmentId, t.id(),
                        t.orderId(), t.instrument(), t.side(), t.qty(), t.price(), t.fee(), Timestamp.from(t.at()), t.seq());
            }
            for (TradingHistory.Position p : h.positions) {
                if (!p.closed()) {
                    continue;
                }
                update(c, "INSERT INTO report.round_trip (assessment_id, position_id, phase, instrument, side, qty, "
                        + "avg_entry, exit_price, realized_pnl, fees, opened_at, closed_at, seq) VALUES "
                        + "(?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", h.assessmentId, p.id, p.instrument, p.side, p.qty,
                        p.entry, p.exit, p.realized, p.fees, Timestamp.from(p.openedAt), Timestamp.from(p.closedAt),
                        p.closedSeq);
                update(c, "INSERT INTO montecarlo.sample_round_trip (assessment_id, position_id, phase, instrument, "
                        + "notional, realized_pnl, fees, opened_at, closed_at, seq) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
                        h.assessmentId, p.id, p.instrument, p.qty.multiply(p.entry), p.realized, p.fees,
                        Timestamp.from(p.openedAt), Timestamp.from(p.closedAt), p.closedSeq);
            }
        }
    }

    /** websocket-service's frames: {@code event} with the seq as offset, appended as stream entry {@code <seq>-0}. */
    private void writeWebSocketHistory() {
        var endpoint = TestInfrastructure.redis();
        RedisClient client = RedisClient.create(RedisURI.create(endpoint.host(), endpoint.port()));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String channel = "assessment:" + history.assessmentId;
            for (TradingHistory.Event e : history.events) {
                redis.sync().xadd(redisPrefix + "ws:history:" + history.assessmentId,
                        new XAddArgs().id(e.seq() + "-0").maxlen(1000), "f", frame(channel, Long.toString(e.seq()),
                                e.type(), e.data()));
            }
            redis.sync().set(redisPrefix + "ws:snapshot:" + history.assessmentId, frame(channel, null,
                    "assessment.account-snapshot", VaticJson.mapper().valueToTree(history.snapshot())));
        } finally {
            client.shutdown();
        }
    }

    static String frame(String channel, String offset, String type, tools.jackson.databind.JsonNode data) {
        ObjectNode node = VaticJson.mapper().createObjectNode();
        node.put("op", "event");
        node.put("channel", channel);
        node.put("offset", offset);
        node.put("type", type);
        node.set("data", data);
        return node.toString();
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                st.setObject(i + 1, p instanceof BigDecimal b ? b : p);
            }
            st.executeUpdate();
        }
    }
}
