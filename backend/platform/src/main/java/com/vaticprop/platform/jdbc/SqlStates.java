package com.vaticprop.platform.jdbc;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * What the driver's SQLSTATE says, wherever Spring wrapped it: the breaker, the commit-outcome check and the web
 * layer's 503 mapping all ask the same question of a cause chain.
 */
public final class SqlStates {

    private SqlStates() {
    }

    /** True when some SQLException in {@code failure}'s cause chain has a SQLSTATE that {@code state} accepts. */
    public static boolean inChain(Throwable failure, Predicate<String> state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08: connection exception. */
    public static boolean connectionLost(Throwable failure) {
        return inChain(failure, s -> s.startsWith("08"));
    }
}
