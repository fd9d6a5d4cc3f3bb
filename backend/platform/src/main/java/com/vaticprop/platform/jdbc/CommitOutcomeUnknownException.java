package com.vaticprop.platform.jdbc;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The work of a transaction completed but its commit failed on a lost connection: the database may or may not have
 * applied it. Raised by {@link Transactions} instead of the driver's exception, which is indistinguishable from a
 * statement that failed before anything was written — the fault scenario {@code postgres-stop} found an order
 * committed while its client was told "nothing was changed". Never retried here: running the work again could apply
 * it twice. The web layer answers 503 {@code database-unavailable} saying the outcome is unknown.
 */
public final class CommitOutcomeUnknownException extends DataAccessResourceFailureException {

    public CommitOutcomeUnknownException(Throwable cause) {
        super("the commit lost its connection; the outcome is unknown", cause);
    }
}
