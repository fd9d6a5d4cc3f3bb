package com.vaticprop.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {

    @Test
    void kafkaRestartsOnTheSamePortAndServesClients() throws Exception {
        EmbeddedKafkaServer first = EmbeddedKafkaServer.start(0);
        int port = first.port();
        // no JVM-wide address leaks out of a broker start: each service gets its broker from KAFKA_BROKERS only
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isNull();
        assertThat(first.bootstrapServers()).endsWith(":" + port);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + port,
                "reconnect.backoff.max.ms", "1000"))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            first.close();
            try (EmbeddedKafkaServer second = EmbeddedKafkaServer.start(port)) {
                assertThat(second.port()).isEqualTo(port);
                // a client that knew the first broker finds the second one on the same address
                assertThat(admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    @Test
    void postgresRunsSerializableByDefault() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0)) {
            pg.createDatabase("isolation_check");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("isolation_check"));
                 ResultSet rs = c.createStatement().executeQuery("SHOW default_transaction_isolation")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("serializable");
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("isolation_check"));
                 ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(180000);
            }
        }
    }

    @Test
    void redisStopsAndStartsOnItsPort() throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
        int port = redis.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] buffer = new byte[7];
            int n = socket.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, n)).isEqualTo("+PONG\r\n");
        }
        redis.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}
