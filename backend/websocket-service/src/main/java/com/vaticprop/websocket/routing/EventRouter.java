package com.vaticprop.websocket.routing;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.history.OwnershipStore;
import com.vaticprop.websocket.history.SnapshotStore;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.Channel;
import com.vaticprop.websocket.protocol.ServerFrames;
import com.vaticprop.websocket.subscription.ChannelIndex;
import com.vaticprop.websocket.subscription.LiveFrame;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Decides where each Kafka record goes: seq events of an assessment through the reorder buffer into the history and
 * to {@code assessment:<id>}; account snapshots (latest kept in Redis) and simulation progress/results that name an
 * assessment straight to {@code assessment:<id>} with {@code offset: null}; ticks to {@code market:<instrument>}.
 * {@code assessment.created} also records the owner. Each frame is encoded once, from the record's own
 * {@code data} JSON, and shared by every subscriber. Single-threaded (the fan-out thread).
 */
public final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final EventCodec codec;
    private final JsonMapper mapper;
    private final ServerFrames frames;
    private final ChannelIndex index;
    private final OwnershipStore owners;
    private final StreamMetrics metrics;
    private final AssessmentOrdering ordering;
    private final FanOutBatch batch;

    public EventRouter(EventCodec codec, JsonMapper mapper, ServerFrames frames, ChannelIndex index,
                       EventHistory history, SnapshotStore snapshots, OwnershipStore owners, StreamMetrics metrics,
                       Duration gapTimeout) {
        this.codec = codec;
        this.mapper = mapper;
        this.frames = frames;
        this.index = index;
        this.owners = owners;
        this.metrics = metrics;
        this.batch = new FanOutBatch(history, snapshots, index);
        this.ordering = new AssessmentOrdering(history, batch, metrics, gapTimeout, 10_000, 200_000);
    }

    public void route(ConsumerRecord<String, byte[]> record, Instant now) {
        EventEnvelope<EventData> event;
        JsonNode data;
        try {
            event = codec.decode(record.value());
            data = mapper.readTree(record.value()).get("data");
        } catch (RuntimeException e) {
            metrics.recordDropped();
            log.debug("record {}:{}@{} dropped: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return;
        }
        EventType type = event.eventType();
        long ts = record.timestamp();
        if (type == EventType.MARKET_TICK) {
            String channel = Channel.forMarket(((MarketTick) event.data()).instrument()).name();
            if (index.hasSubscribers(channel)) {
                batch.publish(new LiveFrame(channel, frames.event(channel, null, type.wireName(), data), null, ts));
            }
            return;
        }
        if (type.carriesSeq()) {
            if (event.data() instanceof AssessmentCreated created && created.userId() != null) {
                try {
                    owners.record(event.assessmentId(), created.userId());
                } catch (RuntimeException e) {
                    log.warn("owner of assessment {} not recorded: {}", event.assessmentId(), e.toString());
                }
            }
            String channel = Channel.forAssessment(event.assessmentId()).name();
            ordering.offer(event, channel, frames.event(channel, event.seq(), type.wireName(), data), ts, now);
            return;
        }
        UUID assessmentId = assessmentOf(event, record.key());
        if (assessmentId == null) {
            return;
        }
        String channel = Channel.forAssessment(assessmentId).name();
        String frame = frames.event(channel, null, type.wireName(), data);
        switch (type) {
            case ACCOUNT_SNAPSHOT -> batch.snapshotAndPublish(assessmentId, new LiveFrame(channel, frame, null, ts));
            case SIMULATION_PROGRESS, SIMULATION_COMPLETED -> batch.publish(new LiveFrame(channel, frame, null, ts));
            default -> {
                // other seq-less events (payments, audit, market status …) have no channel
            }
        }
    }

    /**
     * Called after each poll's records: the poll's Redis writes and frames go out (see {@link FanOutBatch}), then —
     * only once the feed has read every event partition to its end — gaps that stayed open longer than the gap
     * timeout are closed or given up on (and what that releases goes out too). A feed that lags behind its topics
     * (the load run's overload) would otherwise give up on seqs that are merely unread in another topic, and lose
     * them from the history for good.
     */
    public void tick(Instant now, boolean caughtUp) {
        batch.flush();
        if (caughtUp) {
            ordering.closeStalledGaps(now);
            batch.flush();
        }
    }

    /**
     * The assessment a seq-less event belongs to: the envelope's {@code assessmentId}, or for account snapshots
     * (always keyed by assessment) the record key. Simulation events keyed by a simulation id and without an
     * assessment in the envelope belong to no channel.
     */
    private static UUID assessmentOf(EventEnvelope<?> event, String key) {
        if (event.assessmentId() != null) {
            return event.assessmentId();
        }
        if (event.eventType() == EventType.ACCOUNT_SNAPSHOT && key != null) {
            try {
                return UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
