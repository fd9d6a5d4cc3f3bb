package com.vaticprop.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that cannot be reached (a Hikari pool on a port nobody listens on, as while PostgreSQL is stopped): the
 * first transaction waits the pool's timeout and fails; for {@link DatabaseBreaker#OPEN_FOR} the next ones fail at
 * once without asking the pool; then one tries again.
 */
class DatabaseBreakerTest {

    @Test
    void afterAFailedConnectionTransactionsFailAtOnceWithoutAskingThePoolThenTryAgain() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nobody listens there
        }
        AtomicInteger asked = new AtomicInteger();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/none?user=postgres&connectTimeout=1");
            pool.setConnectionTimeout(300);
            pool.setInitializationFailTimeout(-1);
            DelegatingDataSource counting = new DelegatingDataSource(pool) {
                @Override
                public Connection getConnection() throws SQLException {
                    asked.incrementAndGet();
                    return super.getConnection();
                }
            };
            Transactions transactions = new Transactions(new JdbcTransactionManager(counting));

            assertThatThrownBy(() -> transactions.run(() -> { }))
                    .isInstanceOf(CannotCreateTransactionException.class);
            assertThat(asked).hasValue(1);
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> transactions.run(() -> { }))
                        .isInstanceOf(CannotCreateTransactionException.class)
                        .hasMessageContaining("failing at once");
            }
            assertThat(asked).as("the pool was not asked while the breaker was open").hasValue(1);

            Thread.sleep(DatabaseBreaker.OPEN_FOR.toMillis() + 100);
            assertThatThrownBy(() -> transactions.run(() -> { }))
                    .isInstanceOf(CannotCreateTransactionException.class);
            assertThat(asked).as("one attempt once the breaker closed").hasValue(2);
        }
    }

    @Test
    void aBusyPoolDoesNotTripItOnlyAFailedConnectionAttemptDoes() {
        AtomicLong now = new AtomicLong(1_000);
        DatabaseBreaker breaker = new DatabaseBreaker(now::get);
        // Hikari's timeout while every connection is in use: no SQLSTATE, no cause
        breaker.failed(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        breaker.check();
        // the same timeout after the server refused connections: SQLSTATE 08001 from the last attempt
        breaker.failed(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                        new SQLException("Connection refused", "08001"))));
        assertThatThrownBy(breaker::check).isInstanceOf(CannotCreateTransactionException.class);
        now.addAndGet(DatabaseBreaker.OPEN_FOR.toNanos());
        breaker.check();
        breaker.failed(new SQLException("the database system is starting up", "57P03"));
        assertThatThrownBy(breaker::check).isInstanceOf(CannotCreateTransactionException.class);
        breaker.succeeded();
        breaker.check();
    }
}
