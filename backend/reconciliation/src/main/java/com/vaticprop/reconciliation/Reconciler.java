package com.vaticprop.reconciliation;

import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.reconciliation.ledger.CoreData;
import com.vaticprop.reconciliation.ledger.CoreReader;
import com.vaticprop.reconciliation.ledger.LedgerCheck;
import com.vaticprop.reconciliation.readmodel.MonteCarloModelCheck;
import com.vaticprop.reconciliation.readmodel.ReadModelCheck;
import com.vaticprop.reconciliation.readmodel.ReportModelCheck;
import com.vaticprop.reconciliation.readmodel.WebSocketHistoryCheck;
import com.vaticprop.reconciliation.wire.KafkaEventReader;
import com.vaticprop.reconciliation.wire.WireCheck;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** One full pass: core's books, core's outbox against Kafka, then each selected read model against core. */
public final class Reconciler {

    private final Options options;

    public Reconciler(Options options) {
        this.options = options;
    }

    public Findings run() throws Exception {
        Findings findings = new Findings();
        DatabaseUrl url = DatabaseUrl.parse(options.databaseUrl());
        Properties props = new Properties();
        if (url.username() != null) {
            props.setProperty("user", url.username());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        try (Connection db = DriverManager.getConnection(url.jdbcUrl(), props)) {
            db.setReadOnly(true);
            CoreData core = new CoreReader(db, options.coreSchema()).read(options.window());
            findings.counted("assessments", core.assessments().size());
            new LedgerCheck().check(core, findings);
            new WireCheck(options.tolerateWireDuplicates())
                    .check(core, new KafkaEventReader(options.kafka()).read(options.window()), options.window(), findings);
            List<ReadModelCheck> checks = new ArrayList<>();
            if (options.readModels().contains("report")) {
                checks.add(new ReportModelCheck(db, options.reportSchema()));
            }
            if (options.readModels().contains("montecarlo")) {
                checks.add(new MonteCarloModelCheck(db, options.monteCarloSchema()));
            }
            for (ReadModelCheck check : checks) {
                check.check(core, findings);
            }
            if (options.readModels().contains("websocket")) {
                RedisClient client = RedisClient.create(RedisURI.create(options.redisHost(), options.redisPort()));
                try (StatefulRedisConnection<String, String> redis = client.connect()) {
                    new WebSocketHistoryCheck(redis.sync(), options.redisPrefix()).check(core, findings);
                } finally {
                    client.shutdown();
                }
            }
        }
        return findings;
    }
}
