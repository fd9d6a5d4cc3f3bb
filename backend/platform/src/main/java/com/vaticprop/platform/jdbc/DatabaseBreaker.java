package com.vaticprop.platform.jdbc;

import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * Fails transactions at once for a moment after the database could not be reached. Without it every request waits
 * the pool's connection timeout (3 s) while PostgreSQL is down, and the risk monitor's writes hold an assessment's
 * lock for as long, so orders queued behind them and the clients of the postgres-stop fault scenario saw no answer at
 * all within 10 s instead of a 503. One breaker per transaction manager (several {@link Transactions} share a
 * database); only a failed connection attempt trips it (SQLSTATE class 08, or 57P03 "cannot connect now" in the
 * cause chain), never a pool that is merely busy, and the first transaction after {@link #OPEN_FOR} tries again.
 */
final class DatabaseBreaker {

    static final Duration OPEN_FOR = Duration.ofSeconds(1);

    private static final Map<Object, DatabaseBreaker> BY_MANAGER = Collections.synchronizedMap(new WeakHashMap<>());

    private final LongSupplier nanoTime;
    /** System.nanoTime until which transactions fail at once; 0 = closed. */
    private volatile long openUntil;

    DatabaseBreaker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    static DatabaseBreaker of(Object transactionManager) {
        return BY_MANAGER.computeIfAbsent(transactionManager, m -> new DatabaseBreaker(System::nanoTime));
    }

    /** Throws the same exception a failed connection attempt gives (503 database-busy) while open. */
    void check() {
        long until = openUntil;
        if (until != 0 && nanoTime.getAsLong() - until < 0) {
            throw new CannotCreateTransactionException("the database was unreachable less than "
                    + OPEN_FOR.toMillis() + " ms ago; failing at once");
        }
    }

    /** Trips the breaker when {@code failure} says the database could not be reached. */
    void failed(Throwable failure) {
        if (unreachable(failure)) {
            long until = nanoTime.getAsLong() + OPEN_FOR.toNanos();
            openUntil = until == 0 ? 1 : until;
        }
    }

    void succeeded() {
        if (openUntil != 0) {
            openUntil = 0;
        }
    }

    static boolean unreachable(Throwable failure) {
        return SqlStates.connectionLost(failure) || SqlStates.inChain(failure, "57P03"::equals);
    }
}
