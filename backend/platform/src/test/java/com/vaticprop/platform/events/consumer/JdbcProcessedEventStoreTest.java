package com.vaticprop.platform.events.consumer;

import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.platform.migration.Migrations;
import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On an embedded PostgreSQL 18 (SERIALIZABLE by default) migrated exactly as a schema-owning service does. */
class JdbcProcessedEventStoreTest extends ProcessedEventStoreContract {

    private static JdbcClient jdbc;
    private static JdbcProcessedEventStore store;

    @BeforeAll
    static void migrate() {
        DatabaseUrl url = DatabaseUrl.parse(TestInfrastructure.newDatabase("JdbcProcessedEventStoreTest"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.jdbcUrl());
        dataSource.setUser(url.username());
        dataSource.setCurrentSchema("core");
        int applied = Migrations.flyway(dataSource, "core").migrate().migrationsExecuted;
        assertThat(applied).isEqualTo(1);
        jdbc = JdbcClient.create(dataSource);
        store = new JdbcProcessedEventStore(jdbc);
    }

    @Override
    protected ProcessedEventStore store() {
        return store;
    }

    @Test
    void marksAreRowsOfTheServicesSchema() {
        UUID id = UUID.randomUUID();
        store.markProcessed("rows-consumer", id);
        store.advanceSeq("rows-consumer", id, 7);
        assertThat(jdbc.sql("SELECT count(*) FROM core.processed_event WHERE consumer = 'rows-consumer' "
                + "AND event_id = ? AND processed_at > now() - interval '1 minute'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_seq FROM core.consumer_seq_cursor WHERE consumer = 'rows-consumer'")
                .query(Long.class).single()).isEqualTo(7);
    }
}
