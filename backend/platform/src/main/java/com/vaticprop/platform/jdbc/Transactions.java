package com.vaticprop.platform.jdbc;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs work in a database transaction and retries it when the database aborts it as a serialization conflict
 * (SQLSTATE 40001). Both the embedded PostgreSQL of the tests and CockroachDB run SERIALIZABLE, where such aborts are
 * the normal answer to a concurrent write (two requests on one assessment, two pods claiming one job, two consumers
 * applying one event), so every transaction of a service with a schema goes through here. The work must be safe to
 * run again: it may only touch the database.
 * <p>
 * One class for every service, so a fix to the retry reaches them all; what differs between them is only how often
 * they retry ({@code maxAttempts}: monte-carlo-service's job claims meet more contention than core-service's
 * requests). The backoff is a random sleep of up to {@code 5 << attempt} ms, capped at 200 ms.
 */
public final class Transactions {

    /** Attempts of {@link #Transactions(PlatformTransactionManager)} (core-service's). */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;

    private final TransactionTemplate template;
    private final int maxAttempts;
    private final DatabaseBreaker breaker;

    public Transactions(PlatformTransactionManager transactionManager) {
        this(transactionManager, DEFAULT_MAX_ATTEMPTS);
    }

    /** @param maxAttempts runs of the work in all, the first included (at least 1) */
    public Transactions(PlatformTransactionManager transactionManager, int maxAttempts) {
        this(new TransactionTemplate(transactionManager), maxAttempts);
    }

    private Transactions(TransactionTemplate template, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.template = template;
        this.maxAttempts = maxAttempts;
        this.breaker = DatabaseBreaker.of(template.getTransactionManager());
    }

    /**
     * The same retries at READ COMMITTED, for work that serialises itself on a row lock ({@code SELECT … FOR UPDATE},
     * {@code FOR UPDATE SKIP LOCKED}) and touches only rows guarded by that lock: under SERIALIZABLE, every waiter on a
     * hot row would abort with 40001 once the holder commits, and an outbox relay's range read would conflict with
     * every concurrent insert (its commit aborting after the events were sent, duplicating them on the wire). At READ
     * COMMITTED it simply reads the committed rows and goes on. CockroachDB without READ COMMITTED runs such a
     * transaction SERIALIZABLE, which stays correct with more retries (and, for a relay, more duplicates).
     */
    public static Transactions readCommitted(PlatformTransactionManager transactionManager) {
        return readCommitted(transactionManager, DEFAULT_MAX_ATTEMPTS);
    }

    /** {@link #readCommitted(PlatformTransactionManager)} with the given number of attempts. */
    public static Transactions readCommitted(PlatformTransactionManager transactionManager, int maxAttempts) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new Transactions(template, maxAttempts);
    }

    /**
     * Runs {@code work} in a transaction, again after a serialization conflict. A failure after the work completed
     * comes from the commit: a serialization conflict there is still retried (the database rolled back), anything
     * else is a {@link CommitOutcomeUnknownException} and is not retried, since the commit may have been applied.
     */
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            breaker.check();
            boolean[] workDone = {false};
            try {
                T result = template.execute(status -> {
                    T r = work.get();
                    workDone[0] = true;
                    return r;
                });
                breaker.succeeded();
                return result;
            } catch (TransientDataAccessException e) {
                breaker.failed(e);
                if (workDone[0] && !serializationConflict(e)) {
                    throw new CommitOutcomeUnknownException(e);
                }
                if (attempt >= maxAttempts) {
                    throw e;
                }
                backoff(attempt, e);
            } catch (DataAccessException | TransactionException e) {
                breaker.failed(e);
                if (workDone[0]) {
                    throw new CommitOutcomeUnknownException(e);
                }
                throw e;
            }
        }
    }

    /** SQLSTATE 40001 (serialization failure) or 40P01 (deadlock): the database rolled the transaction back. */
    private static boolean serializationConflict(Throwable e) {
        return SqlStates.inChain(e, s -> "40001".equals(s) || "40P01".equals(s))
                || hasCause(e, PessimisticLockingFailureException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Interrupted (a stopping background task): give up, keeping the conflict that caused the wait as suppressed. */
    private static void backoff(int attempt, TransientDataAccessException conflict) {
        long maxMs = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, maxMs + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IllegalStateException failure = new IllegalStateException("interrupted while retrying a transaction", e);
            failure.addSuppressed(conflict);
            throw failure;
        }
    }
}
