package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.metrics.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's bounded outbound queue with a single writer. Producers (the Kafka fan-out thread, the handler)
 * never block on a slow socket: they enqueue, and whoever finds no writer running starts one on a virtual thread,
 * which sends until the queue is empty and then ends — an idle connection holds no thread. When the queue is full
 * the client is not keeping up; the connection is closed with 4008 instead of buffering without bound.
 */
final class SendQueue {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private final WebSocketSession session;
    private final int limit;
    private final Executor writers;
    private final StreamMetrics metrics;
    private final Runnable onOverflow;
    private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean closed;

    SendQueue(WebSocketSession session, int limit, Executor writers, StreamMetrics metrics, Runnable onOverflow) {
        this.session = session;
        this.limit = limit;
        this.writers = writers;
        this.metrics = metrics;
        this.onOverflow = onOverflow;
    }

    /** Queues an item; false (and the overflow action) when the queue is full, false when closed. */
    boolean offer(Outbound item) {
        if (closed) {
            return false;
        }
        if (!(item instanceof Outbound.Close) && size.incrementAndGet() > limit) {
            size.decrementAndGet();
            onOverflow.run();
            return false;
        }
        if (item instanceof Outbound.Close) {
            size.incrementAndGet();
        }
        queue.add(item);
        startWriter();
        return true;
    }

    /** Drops whatever is queued and refuses new items (the connection is going away). */
    void discard() {
        closed = true;
        queue.clear();
    }

    int size() {
        return size.get();
    }

    private void startWriter() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private void write() {
        while (true) {
            Outbound item;
            while ((item = queue.poll()) != null) {
                size.decrementAndGet();
                if (!send(item)) {
                    discard();
                }
            }
            writing.set(false);
            if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private boolean send(Outbound item) {
        if (!session.isOpen()) {
            return false;
        }
        try {
            switch (item) {
                case Outbound.Text text -> {
                    session.sendMessage(new TextMessage(text.frame()));
                    metrics.messageOut();
                    metrics.delivered(text.kafkaTimestampMs(), System.currentTimeMillis());
                }
                case Outbound.Ping ping -> session.sendMessage(new PingMessage());
                case Outbound.Close close -> {
                    closed = true;
                    session.close(close.status());
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("send to {} failed: {}", session.getId(), e.toString());
            return false;
        }
    }
}
