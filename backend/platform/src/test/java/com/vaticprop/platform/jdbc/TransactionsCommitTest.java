package com.vaticprop.platform.jdbc;

import com.vaticprop.testkit.EmbeddedPostgresServer;
import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link Transactions} reports when PostgreSQL cuts the connection (real embedded PostgreSQL, the backend
 * terminated with {@code pg_terminate_backend} as {@code pg_ctl stop -m fast} does): at the commit, after the work
 * ran, the outcome is unknown and the work is not run again; before the work finished, the driver's failure stands
 * ("nothing was changed" is then true).
 */
class TransactionsCommitTest {

    private static final String DB = "transactions_commit";
    private static EmbeddedPostgresServer postgres;
    private static DriverManagerDataSource dataSource;
    private static JdbcTemplate jdbc;
    private Transactions transactions;

    @BeforeAll
    static void database() {
        postgres = TestInfrastructure.postgres();
        postgres.createDatabase(DB);
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl(DB));
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE orders (id uuid PRIMARY KEY)");
    }

    /** A transaction manager of its own per test: a cut connection trips that manager's {@link DatabaseBreaker}. */
    @BeforeEach
    void transactions() {
        transactions = new Transactions(new JdbcTransactionManager(dataSource));
    }

    @Test
    void aCommitWhoseConnectionIsCutAfterTheWorkIsOutcomeUnknownAndNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            runs.incrementAndGet();
            jdbc.update("INSERT INTO orders (id) VALUES (?)", id);
            int pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    terminate(pid); // the server goes away between the last statement and COMMIT
                }
            });
            return null;
        })).isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(runs).as("an unknown outcome is not retried").hasValue(1);
    }

    @Test
    void aStatementCutBeforeTheWorkFinishedIsTheDriversFailureNotAnUnknownOutcome() {
        UUID id = UUID.randomUUID();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> transactions.inTransaction(() -> {
            int pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            terminate(pid);
            jdbc.update("INSERT INTO orders (id) VALUES (?)", id);
            return null;
        }));
        assertThat(failure).isInstanceOf(DataAccessException.class)
                .isNotInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = ?", Long.class, id)).isZero();
    }

    @Test
    void aCompletedTransactionCommits() {
        UUID id = UUID.randomUUID();
        transactions.run(() -> jdbc.update("INSERT INTO orders (id) VALUES (?)", id));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = ?", Long.class, id)).isEqualTo(1L);
    }

    private static void terminate(int pid) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DB)); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
            // pg_terminate_backend only signals: wait until the backend is really gone
            for (int i = 0; i < 200; i++) {
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
