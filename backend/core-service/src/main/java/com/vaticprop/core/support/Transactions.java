package com.vaticprop.core.support;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs work in a database transaction and retries it when the database aborts it as a serialization conflict
 * (SQLSTATE 40001). Both the embedded PostgreSQL of the tests and CockroachDB run SERIALIZABLE, where such aborts are
 * the normal answer to a concurrent write, so every transaction of core-service goes through here. The work must be
 * safe to run again: it may only touch the database.
 */
public final class Transactions {

    private static final int MAX_ATTEMPTS = 6;

    private final TransactionTemplate template;

    public Transactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    private Transactions(TransactionTemplate template) {
        this.template = template;
    }

    /**
     * The same retries at READ COMMITTED, for work that serialises itself on a row lock ({@code SELECT … FOR
     * UPDATE}) and touches only rows guarded by that lock: under SERIALIZABLE, every waiter on a hot row would abort
     * with 40001 once the holder commits; at READ COMMITTED it simply reads the committed row and goes on. CockroachDB
     * without READ COMMITTED runs such a transaction SERIALIZABLE, which stays correct with more retries.
     */
    public static Transactions readCommitted(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new Transactions(template);
    }

    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (TransientDataAccessException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static void backoff(int attempt) {
        long maxMs = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, maxMs + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
