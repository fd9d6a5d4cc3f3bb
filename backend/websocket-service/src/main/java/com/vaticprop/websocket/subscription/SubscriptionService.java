package com.vaticprop.websocket.subscription;

import com.vaticprop.websocket.connection.Connection;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.history.OwnershipStore;
import com.vaticprop.websocket.history.SnapshotStore;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.Channel;
import com.vaticprop.websocket.protocol.CloseCodes;
import com.vaticprop.websocket.protocol.ServerFrames;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * subscribe / unsubscribe for one connection: channel syntax, the per-connection cap, the ownership check (on every
 * subscribe, from Redis), and for assessment channels the resume protocol — replay from {@code since} when the
 * history still reaches back that far ({@code recovered: true}), else {@code recovered: false} and the latest account
 * snapshot. Refusals are {@code error} frames; the connection stays open. While Redis is away the resume degrades
 * instead of failing: {@code recovered: false}, the snapshot if this replica has one, then the live stream; only an
 * ownership question that nothing local can answer fails (1011, retry).
 */
public final class SubscriptionService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionService.class);

    private final ChannelIndex index;
    private final EventHistory history;
    private final SnapshotStore snapshots;
    private final OwnershipStore owners;
    private final ServerFrames frames;
    private final StreamMetrics metrics;
    private final ScheduledExecutorService timer;
    private final int maxSubscriptions;
    private final int marketMaxPerSecond;
    private final int holdLimit;

    public SubscriptionService(ChannelIndex index, EventHistory history, SnapshotStore snapshots,
                               OwnershipStore owners, ServerFrames frames, StreamMetrics metrics,
                               ScheduledExecutorService timer, int maxSubscriptions, int marketMaxPerSecond,
                               int holdLimit) {
        this.index = index;
        this.history = history;
        this.snapshots = snapshots;
        this.owners = owners;
        this.frames = frames;
        this.metrics = metrics;
        this.timer = timer;
        this.maxSubscriptions = maxSubscriptions;
        this.marketMaxPerSecond = marketMaxPerSecond;
        this.holdLimit = holdLimit;
    }

    public void subscribe(Connection connection, String channelName, String since) {
        Channel channel = Channel.parse(channelName).orElse(null);
        if (channel == null) {
            connection.send(frames.error(CloseCodes.BAD_REQUEST, "unknown channel"));
            return;
        }
        Long sinceSeq = null;
        if (since != null) {
            sinceSeq = parseOffset(since);
            if (sinceSeq == null || channel.kind() != Channel.Kind.ASSESSMENT) {
                connection.send(frames.error(CloseCodes.BAD_REQUEST, "since must be an offset of an assessment"
                        + " channel"));
                return;
            }
        }
        unsubscribe(connection, channel.name());
        if (connection.subscriptions().size() >= maxSubscriptions) {
            connection.send(frames.error(CloseCodes.TOO_MANY, "at most " + maxSubscriptions + " subscriptions"));
            return;
        }
        if (channel.kind() == Channel.Kind.MARKET) {
            MarketSubscription s = new MarketSubscription(connection, channel.name(), marketMaxPerSecond, timer);
            register(connection, s, s);
            connection.send(frames.subscribed(channel.name(), false));
            return;
        }
        UUID id = channel.assessmentId();
        if (!mayRead(connection, id)) {
            connection.send(frames.error(CloseCodes.FORBIDDEN, "not your assessment: " + channel.name()));
            return;
        }
        AssessmentSubscription s = new AssessmentSubscription(connection, channel.name(), id, history, holdLimit);
        register(connection, s, s); // before reading the history: nothing appended from now on can be missed
        Replay replay;
        try {
            // every read happens before the first frame, so a failing read never leaves a half-answered subscribe
            replay = replay(id, sinceSeq);
        } catch (RuntimeException e) {
            // Redis away: no history to replay from or to place the client in; it starts from the live stream
            log.debug("history of {} unreadable: {}", id, e.toString());
            replay = Replay.unavailable();
        }
        if (sinceSeq != null) {
            metrics.resume(replay.outcome());
        }
        if (replay.recovered()) {
            connection.send(frames.subscribed(channel.name(), true, sinceSeq));
            long sent = sinceSeq;
            for (EventHistory.StoredEvent e : replay.missed()) {
                connection.send(e.frame());
                sent = e.seq();
            }
            s.goLive(sent);
            return;
        }
        Optional<String> snapshot;
        try {
            snapshot = snapshots.latest(id);
        } catch (RuntimeException e) {
            snapshot = Optional.empty(); // Redis away and no local copy: the client reloads from core's API
        }
        long top = replay.top();
        connection.send(frames.subscribed(channel.name(), false,
                top == AssessmentSubscription.POSITION_UNKNOWN ? null : top));
        snapshot.ifPresent(connection::send);
        s.goLive(replay.top());
    }

    /**
     * What a subscribe with {@code since} (or without: null) gets from the history: the events after it when the
     * history still holds every one of them, else the history's top to go live from.
     */
    private Replay replay(UUID id, Long sinceSeq) {
        if (sinceSeq != null) {
            OptionalLong first = history.firstSeq(id);
            long last = history.lastSeq(id);
            // no history at all proves nothing unless the client has seen nothing either
            boolean covered = last == 0 ? sinceSeq == 0
                    : sinceSeq >= last || (first.isPresent() && first.getAsLong() <= sinceSeq + 1);
            if (covered) {
                List<EventHistory.StoredEvent> missed = history.range(id, sinceSeq + 1, Long.MAX_VALUE / 2);
                if (contiguous(missed, sinceSeq + 1)) {
                    return new Replay(StreamMetrics.Resume.HIT, missed, last);
                }
                // a hole (appends refused while Redis was away): replaying around it would hide the loss
                return new Replay(StreamMetrics.Resume.GAP, List.of(), last);
            }
            return new Replay(StreamMetrics.Resume.MISS, List.of(), last);
        }
        return new Replay(StreamMetrics.Resume.MISS, List.of(), history.lastSeq(id));
    }

    private static boolean contiguous(List<EventHistory.StoredEvent> events, long from) {
        long expected = from;
        for (EventHistory.StoredEvent e : events) {
            if (e.seq() != expected++) {
                return false;
            }
        }
        return true;
    }

    /** The answer to a subscribe: replayed (recovered) or not; {@code top} is -1 when the history was unreadable. */
    private record Replay(StreamMetrics.Resume outcome, List<EventHistory.StoredEvent> missed, long top) {
        static Replay unavailable() {
            return new Replay(StreamMetrics.Resume.UNAVAILABLE, List.of(), AssessmentSubscription.POSITION_UNKNOWN);
        }

        boolean recovered() {
            return outcome == StreamMetrics.Resume.HIT;
        }
    }

    public void unsubscribe(Connection connection, String channelName) {
        AutoCloseable existing = connection.subscriptions().remove(channelName);
        if (existing != null) {
            index.remove((ChannelSubscriber) existing);
            closeQuietly(existing);
            metrics.unsubscribed(1);
        }
    }

    /** Drops every subscription of a closed connection. */
    public void unsubscribeAll(Connection connection) {
        for (String channel : List.copyOf(connection.subscriptions().keySet())) {
            unsubscribe(connection, channel);
        }
    }

    private boolean mayRead(Connection connection, UUID assessmentId) {
        if (connection.principal().admin()) {
            return true;
        }
        return owners.owner(assessmentId).map(connection.principal().userId()::equals).orElse(false);
    }

    private void register(Connection connection, ChannelSubscriber subscriber, AutoCloseable handle) {
        connection.subscriptions().put(subscriber.channel(), handle);
        index.add(subscriber);
        metrics.subscribed();
        if (connection.ended()) {
            // the socket closed while this subscribe was handled: its close already dropped what it saw
            unsubscribe(connection, subscriber.channel());
        }
    }

    /**
     * A seq as the client echoes it: ASCII digits that fit a long. {@code Character.isDigit} let "١٢" through and
     * a 19-digit value above {@code Long.MAX_VALUE} threw, which the handler reported as 1011 "retry" instead of
     * 4000 (the frame fuzz found both).
     */
    private static Long parseOffset(String since) {
        if (since.isEmpty() || since.length() > 19 || !since.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseLong(since);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // subscriptions release nothing that can fail
        }
    }
}
