package com.vaticprop.montecarlo.readmodel;

import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Marks older than 31 days go; younger ones stay (on a real PostgreSQL, with the platform's table). */
class ProcessedEventPrunerTest {

    @Test
    void marksOlderThanTheRetentionAreForgotten() {
        String url = TestInfrastructure.newDatabase("pruner");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestInfrastructure.postgres().jdbcUrl(url.substring(url.lastIndexOf('/') + 1)));
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                CREATE TABLE processed_event (consumer VARCHAR(100) NOT NULL, event_id UUID NOT NULL,
                    processed_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (consumer, event_id))""").update();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        UUID old = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        jdbc.sql("INSERT INTO processed_event VALUES ('c', ?, ?), ('c', ?, ?)")
                .params(old, Timestamp.from(now.minus(ProcessedEventPruner.KEEP).minusSeconds(1)), young,
                        Timestamp.from(now.minus(ProcessedEventPruner.KEEP).plusSeconds(60)))
                .update();
        new ProcessedEventPruner(jdbc, Clock.fixed(now, ZoneOffset.UTC)).run();
        assertThat(jdbc.sql("SELECT event_id FROM processed_event").query(UUID.class).list()).containsExactly(young);
    }
}
