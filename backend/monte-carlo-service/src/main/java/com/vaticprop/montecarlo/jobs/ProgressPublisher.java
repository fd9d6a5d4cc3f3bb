package com.vaticprop.montecarlo.jobs;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.SimulationProgress;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.UUID;

/**
 * Sends {@code montecarlo.simulation-progress} straight to Kafka, not through the outbox: progress is latest-wins and
 * already stored on the row, so a lost progress event costs nothing and must not slow the job down.
 */
public final class ProgressPublisher {

    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);

    private final Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final Clock clock;

    public ProgressPublisher(Producer<String, byte[]> producer, EventCodec codec, Clock clock) {
        this.producer = producer;
        this.codec = codec;
        this.clock = clock;
    }

    public void publish(UUID simulationId, UUID owner, UUID assessmentId, int pct) {
        EventEnvelope<SimulationProgress> event = new EventEnvelope<>(UUID.randomUUID(),
                EventType.SIMULATION_PROGRESS.wireName(), 1, clock.instant(), assessmentId, owner, null, null,
                new SimulationProgress(simulationId, pct));
        producer.send(new ProducerRecord<>(Topic.SIMULATION_PROGRESS.topicName(),
                EventKeys.of(assessmentId, simulationId), codec.encode(event)), (meta, e) -> {
            if (e != null) {
                log.debug("progress of {} not published: {}", simulationId, e.toString());
            }
        });
    }
}
