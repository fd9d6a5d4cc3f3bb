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
 * missing seqs are read from the history before the frame goes out. Frames without a seq pass straight through.
 */
public final class AssessmentSubscription implements ChannelSubscriber, AutoCloseable {

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
        if (seq <= lastSent) {
            return;
        }
        if (seq > lastSent + 1) {
            for (EventHistory.StoredEvent missed : history.range(assessmentId, lastSent + 1, seq - 1)) {
                connection.send(missed.frame());
            }
        }
        connection.sendLive(frame.frame(), frame.kafkaTimestampMs());
        lastSent = seq;
    }

    /** Nothing to release: unsubscribing removed it from the channel index already. */
    @Override
    public void close() {
    }
}
