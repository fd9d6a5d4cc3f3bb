package com.vaticprop.websocket.subscription;

import com.vaticprop.websocket.connection.Connection;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One connection's view of a market channel, conflated: at most one tick per interval goes out, and a tick that
 * arrives inside the interval replaces any tick still waiting (latest wins). A burst of ticks thus costs the client
 * one frame per interval, never a backlog.
 */
public final class MarketSubscription implements ChannelSubscriber, AutoCloseable {

    private final Connection connection;
    private final String channel;
    private final long intervalNanos;
    private final ScheduledExecutorService timer;
    private LiveFrame waiting;
    private boolean flushScheduled;
    private long lastSentNanos = Long.MIN_VALUE / 2;
    private volatile boolean closed;

    public MarketSubscription(Connection connection, String channel, int maxPerSecond,
                              ScheduledExecutorService timer) {
        this.connection = connection;
        this.channel = channel;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, maxPerSecond);
        this.timer = timer;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized void deliver(LiveFrame frame) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (!flushScheduled && now - lastSentNanos >= intervalNanos) {
            lastSentNanos = now;
            connection.sendLive(frame.frame(), frame.kafkaTimestampMs());
            return;
        }
        waiting = frame;
        if (!flushScheduled) {
            flushScheduled = true;
            long delay = Math.max(0, lastSentNanos + intervalNanos - now);
            timer.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flush() {
        flushScheduled = false;
        LiveFrame frame = waiting;
        waiting = null;
        if (frame != null && !closed) {
            lastSentNanos = System.nanoTime();
            connection.sendLive(frame.frame(), frame.kafkaTimestampMs());
        }
    }

    @Override
    public void close() {
        closed = true; // a flush already scheduled sends nothing
    }
}
