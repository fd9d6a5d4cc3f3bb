package com.vaticprop.montecarlo.support;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs work in a transaction and retries it on a serialization conflict (SQLSTATE 40001): the embedded PostgreSQL of
 * the tests and CockroachDB both run SERIALIZABLE, where such aborts are the normal answer to a concurrent write
 * (two pods claiming one job, two consumers applying one event). The work may only touch the database.
 */
public final class Transactions {

    private static final int MAX_ATTEMPTS = 8;

    private final TransactionTemplate template;

    public Transactions(PlatformTransactionManager transactionManager) {
        this(new TransactionTemplate(transactionManager));
    }

    private Transactions(TransactionTemplate template) {
        this.template = template;
    }

    /**
     * READ COMMITTED, for work that claims rows by lock ({@code FOR UPDATE SKIP LOCKED}): under SERIALIZABLE the outbox
     * relay's range read conflicts with every concurrent insert and its commit aborts after the events were sent —
     * harmless (they go again) but it duplicates them on the wire. CockroachDB without READ COMMITTED runs it
     * SERIALIZABLE, which stays correct, with those extra duplicates.
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
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
