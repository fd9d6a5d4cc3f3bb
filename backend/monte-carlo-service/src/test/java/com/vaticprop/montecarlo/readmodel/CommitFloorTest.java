package com.vaticprop.montecarlo.readmodel;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Offsets are committed only below the first record still held back by the seq ordering. */
class CommitFloorTest {

    private final TopicPartition a = new TopicPartition("trading.position-closed", 0);
    private final TopicPartition b = new TopicPartition("assessment.day-closed", 1);

    @Test
    void theFloorStaysAtTheFirstHeldRecordUntilItIsApplied() {
        CommitFloor floor = new CommitFloor();
        UUID held = UUID.randomUUID();
        UUID applied = UUID.randomUUID();
        floor.read(a, 10, held);
        floor.read(a, 11, applied);
        floor.done(applied);
        floor.skip(b, 5);
        assertThat(floor.committable().get(a).offset()).isEqualTo(10);
        assertThat(floor.committable().get(b).offset()).isEqualTo(6);
        floor.done(held);
        assertThat(floor.committable().get(a).offset()).isEqualTo(12);
        floor.clear();
        assertThat(floor.committable()).isEmpty();
    }
}
