package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.auth.StreamPrincipal;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.CloseCodes;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One client socket: who it is (once authenticated), its send queue, its subscriptions (channel name → whatever
 * the subscription layer keeps), and its heartbeat and session-expiry state. Everything that writes to the socket
 * goes through the queue, so frames keep their order and only one thread ever writes.
 */
public final class Connection {

    private final WebSocketSession session;
    private final SendQueue queue;
    private final Executor closers;
    private final StreamMetrics metrics;
    private final Map<String, AutoCloseable> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger missedPongs = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong authGeneration = new AtomicLong();
    private volatile StreamPrincipal principal;
    private volatile ScheduledFuture<?> deadline;
    /** Whose per-user slot this connection holds (guarded by {@code this}); null before admission. */
    private String slotUser;
    /** The socket closed and its slot (if any) was given back: nothing may claim one for it again. */
    private volatile boolean ended;

    public Connection(WebSocketSession session, int sendQueueLimit, Executor writers, StreamMetrics metrics) {
        this.session = session;
        this.closers = writers;
        this.metrics = metrics;
        this.queue = new SendQueue(session, sendQueueLimit, writers, metrics, this::slowConsumer);
    }

    /** What {@link ConnectionRegistry#claimUserSlot} decided. */
    public enum SlotClaim {
        /** The connection now holds a slot of its user (or already did). */
        CLAIMED,
        /** The user is at the cap: refuse with 4029. */
        FULL,
        /** The socket closed while its auth frame was being checked: nothing to admit. */
        ENDED
    }

    /**
     * Claims the user's slot through {@code counter} unless the connection has ended. The close of a socket is
     * handled on another thread than its frames: an auth frame still being checked when the auth timeout closed the
     * socket used to claim a slot after the close had given back none, and that slot stayed taken for good — after
     * a failover the user's reconnecting clients then met 4029 on every try (the ws-kill fault scenario found it).
     */
    synchronized SlotClaim claimSlot(String userId, BooleanSupplier counter) {
        if (ended) {
            return SlotClaim.ENDED;
        }
        if (slotUser != null) {
            return SlotClaim.CLAIMED;
        }
        if (!counter.getAsBoolean()) {
            return SlotClaim.FULL;
        }
        slotUser = userId;
        return SlotClaim.CLAIMED;
    }

    /** Marks the connection ended; returns the user whose slot it held (to give back), or null. */
    synchronized String end() {
        ended = true;
        String user = slotUser;
        slotUser = null;
        return user;
    }

    /** True once the socket closed; a subscription added after that must be dropped by whoever added it. */
    public boolean ended() {
        return ended;
    }

    public String id() {
        return session.getId();
    }

    public StreamPrincipal principal() {
        return principal;
    }

    public boolean authenticated() {
        return principal != null;
    }

    /** Sets (or refreshes) who holds the connection; returns the new auth generation. */
    public long authenticate(StreamPrincipal p) {
        this.principal = p;
        return authGeneration.incrementAndGet();
    }

    public long authGeneration() {
        return authGeneration.get();
    }

    /** Replaces the pending auth or expiry timer. */
    public void deadline(ScheduledFuture<?> next) {
        ScheduledFuture<?> previous = this.deadline;
        this.deadline = next;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    public Map<String, AutoCloseable> subscriptions() {
        return subscriptions;
    }

    /** Queues a frame; false when the connection is closed or over its queue limit (then it is being closed). */
    public boolean send(String frame) {
        return queue.offer(new Outbound.Text(frame, 0));
    }

    /** Queues a live frame, remembering when it was appended to Kafka for the latency histogram. */
    public boolean sendLive(String frame, long kafkaTimestampMs) {
        return queue.offer(new Outbound.Text(frame, kafkaTimestampMs));
    }

    /** Sends a ping unless too many are unanswered already; false means the peer is gone. */
    public boolean ping(int maxMissed) {
        if (missedPongs.getAndIncrement() >= maxMissed) {
            return false;
        }
        queue.offer(new Outbound.Ping());
        return true;
    }

    public void pong() {
        missedPongs.set(0);
    }

    /** Closes after the frames already queued have gone out (graceful). */
    public void closeAfterQueued(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            if (!queue.offer(new Outbound.Close(status))) {
                closeNow(status);
            }
        }
    }

    /** Drops what is queued and closes at once (protocol violations, slow consumers, dead peers). */
    public void closeNow(CloseStatus status) {
        closing.set(true);
        queue.discard();
        closers.execute(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException ignored) {
                // the socket is gone either way
            }
        });
    }

    /** The service has decided to close this socket: the close frame is its answer to anything still arriving. */
    public boolean closing() {
        return closing.get();
    }

    public boolean open() {
        return session.isOpen() && !closing.get();
    }

    public int queued() {
        return queue.size();
    }

    private void slowConsumer() {
        if (!closing.get()) {
            metrics.slowConsumerClosed();
            closeNow(CloseCodes.SLOW_CONSUMER_STATUS);
        }
    }
}
