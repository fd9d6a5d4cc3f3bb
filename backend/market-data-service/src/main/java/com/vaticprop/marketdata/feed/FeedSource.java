package com.vaticprop.marketdata.feed;

/**
 * One source of quotes: a venue connector, the simulated feed or a replay. Started once with the sink it delivers to;
 * it owns its threads, reconnects and resubscriptions until {@link #stop()}.
 */
public interface FeedSource extends AutoCloseable {

    /** Stable name used in metrics, logs and the admin status endpoint (e.g. {@code binance}, {@code simulated}). */
    String name();

    void start(TickSink sink);

    /** Stops the source and releases its threads and sockets; idempotent. */
    void stop();

    /** What the admin status endpoint shows for this source. */
    FeedStatus status();

    @Override
    default void close() {
        stop();
    }
}
