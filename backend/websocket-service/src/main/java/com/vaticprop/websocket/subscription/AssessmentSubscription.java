package com.vaticprop.websocket.subscription;

import com.vaticprop.websocket.connection.Connection;
import com.vaticprop.websocket.history.EventHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One connection's view of an assessment channel, and the place where replay and live delivery meet without a gap
 * or a duplicate. The subscription is registered for live frames <em>before</em> the history is read, and live
 * frames that arrive while the replay is being sent are held; then {@link #goLive} releases them. From then on the
 * subscription remembers the last seq it sent: a frame at or below it is a duplicate (already replayed, or delivered
 * by another path) and is dropped; a frame above the next expected seq means something was missed here, and the
 * missing seqs are read from the history before the frame goes out (while Redis is away they cannot be, and the
 * client sees the jump). Frames without a seq pass straight through.
 */
public final class AssessmentSubscription implements ChannelSubscriber, AutoCloseable {

    /** {@link #goLive} position when the history could not be read: the next live seq frame is taken as it comes. */
    public static final long POSITION_UNKNOWN = -1;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssessmentSubscription.class);

    private final Connection connection;
    private final String channel;
    private final UUID assessmentId;
    private final EventHistory history;
    private final int holdLimit;
    private List<LiveFrame> held = new ArrayList<>();
    private long lastSent;

    public AssessmentSubscription(Connection connection, String channel, UUID assessmentId, EventHistory history,
                                  int holdLimit) {
        this.connection = connection;
        this.channel = channel;
        this.assessmentId = assessmentId;
        this.history = history;
        this.holdLimit = holdLimit;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized void deliver(LiveFrame frame) {
        if (held != null) {
            if (held.size() >= holdLimit) {
                connection.closeNow(com.vaticprop.websocket.protocol.CloseCodes.SLOW_CONSUMER_STATUS);
                return;
            }
            held.add(frame);
            return;
        }
        send(frame);
    }

    /** Ends the replay: everything up to {@code sentUpTo} is with the client; held frames follow. */
    public synchronized void goLive(long sentUpTo) {
        lastSent = sentUpTo;
        List<LiveFrame> pending = held;
        held = null;
        for (LiveFrame f : pending) {
            send(f);
        }
    }

    private void send(LiveFrame frame) {
        if (frame.seq() == null) {
            connection.sendLive(frame.frame(), frame.kafkaTimestampMs());
            return;
        }
        long seq = frame.seq();
        if (lastSent != POSITION_UNKNOWN) {
            if (seq <= lastSent) {
                return;
            }
            if (seq > lastSent + 1) {
                fillFromHistory(lastSent + 1, seq - 1);
            }
        }
        connection.sendLive(frame.frame(), frame.kafkaTimestampMs());
        lastSent = seq;
    }

    /** Sends what the history holds of a gap; with Redis away the client sees a jump in offsets instead. */
    private void fillFromHistory(long from, long to) {
        try {
            for (EventHistory.StoredEvent missed : history.range(assessmentId, from, to)) {
                connection.send(missed.frame());
            }
        } catch (RuntimeException e) {
            log.debug("{}: seq {}..{} not in reach of the history: {}", channel, from, to, e.toString());
        }
    }

    /** Nothing to release: unsubscribing removed it from the channel index already. */
    @Override
    public void close() {
    }
}
