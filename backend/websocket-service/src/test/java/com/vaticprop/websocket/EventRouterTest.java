package com.vaticprop.websocket;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.ServerFrames;
import com.vaticprop.websocket.subscription.ChannelIndex;
import com.vaticprop.websocket.subscription.ChannelSubscriber;
import com.vaticprop.websocket.routing.EventRouter;
import com.vaticprop.websocket.subscription.LiveFrame;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out's batch and gap rules, driven record by record on the service's real Redis-backed stores (no Kafka
 * consumer in between, so the feed's lag can be stated instead of produced): a poll's frames reach subscribers only
 * after their history appends are stored, and a gap is not given up on while the feed is behind its topics.
 */
class EventRouterTest extends StreamTestSupport {

    private final EventCodec codec = new EventCodec();
    private final ChannelIndex index = new ChannelIndex();
    private long offset;

    private EventRouter router() {
        return new EventRouter(codec, VaticJson.mapper(), new ServerFrames(VaticJson.mapper()), index, history,
                snapshots, owners, new StreamMetrics(new SimpleMeterRegistry()), Duration.ofSeconds(3));
    }

    /** Records every frame of a channel, and the history's top at the moment each frame arrived. */
    private record Recorder(String channel, List<LiveFrame> frames, List<Long> historyTopOnArrival,
                            EventHistory history, UUID id) implements ChannelSubscriber {
        @Override
        public void deliver(LiveFrame frame) {
            frames.add(frame);
            historyTopOnArrival.add(history.lastSeq(id));
        }
    }

    private Recorder subscribe(UUID id) {
        Recorder r = new Recorder("assessment:" + id, new ArrayList<>(), new ArrayList<>(), history, id);
        index.add(r);
        return r;
    }

    private ConsumerRecord<String, byte[]> created(UUID id, UUID owner) {
        AssessmentCreated data = new AssessmentCreated(owner, UUID.randomUUID(), 1,
                VaticJson.mapper().createObjectNode(), new BigDecimal("100000"), "USD", 1, UUID.randomUUID());
        return record(Topic.ASSESSMENT_CREATED, id, EventEnvelope.forAssessment(EventType.ASSESSMENT_CREATED,
                Instant.now(), id, owner, 1, 1, data));
    }

    private ConsumerRecord<String, byte[]> paused(UUID id, UUID owner, long seq) {
        return record(Topic.ASSESSMENT_PAUSED, id, EventEnvelope.forAssessment(EventType.ASSESSMENT_PAUSED,
                Instant.now(), id, owner, seq, 1, new AssessmentStateChanged(Instant.now(), 1, "seq " + seq)));
    }

    private ConsumerRecord<String, byte[]> record(Topic topic, UUID id, EventEnvelope<?> envelope) {
        return new ConsumerRecord<>(topic.topicName(), 0, offset++, id.toString(), codec.encode(envelope));
    }

    private static List<Long> seqs(Recorder r) {
        return r.frames().stream().map(LiveFrame::seq).toList();
    }

    @Test
    void aPollsFramesGoOutOnlyAfterTheirHistoryIsStoredAndInOrder() {
        EventRouter router = router();
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Recorder subscriber = subscribe(id);
        Instant now = Instant.now();
        router.route(created(id, owner), now);
        router.route(paused(id, owner, 3), now); // overtakes 2
        router.route(paused(id, owner, 2), now);
        assertThat(subscriber.frames()).as("nothing before the poll is flushed").isEmpty();
        router.tick(now, true);
        assertThat(seqs(subscriber)).containsExactly(1L, 2L, 3L);
        assertThat(subscriber.historyTopOnArrival()).as("the whole poll was in the history first")
                .allMatch(top -> top == 3L);
    }

    @Test
    void aGapIsNotGivenUpOnWhileTheFeedIsBehindItsTopics() {
        EventRouter router = router();
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Recorder subscriber = subscribe(id);
        Instant start = Instant.now();
        router.route(created(id, owner), start);
        router.route(paused(id, owner, 3), start); // 2 is not here yet
        router.tick(start, true);
        assertThat(seqs(subscriber)).containsExactly(1L);

        Instant later = start.plusSeconds(10); // far past the 3 s gap timeout, but the feed lags
        router.tick(later, false);
        assertThat(seqs(subscriber)).as("held while the feed has unread records").containsExactly(1L);
        router.route(paused(id, owner, 2), later); // it was only unread
        router.tick(later, false);
        assertThat(seqs(subscriber)).containsExactly(1L, 2L, 3L);

        router.route(paused(id, owner, 5), later); // 4 never comes
        router.tick(later, true);
        router.tick(later.plusSeconds(4), true); // caught up and past the timeout: given up on
        assertThat(seqs(subscriber)).containsExactly(1L, 2L, 3L, 5L);
    }
}
