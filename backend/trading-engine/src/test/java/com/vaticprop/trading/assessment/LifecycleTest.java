package com.vaticprop.trading.assessment;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    private static Lifecycle in(AssessmentState state) {
        return switch (state) {
            case CREATED -> Lifecycle.created();
            case ACTIVE -> Lifecycle.created().start();
            case PAUSED -> Lifecycle.created().start().pause();
            case PASSED -> Lifecycle.created().start().pass();
            case FAILED -> Lifecycle.created().start().fail(FailureReason.MAX_LOSS, "V1");
            case ABANDONED -> Lifecycle.created().abandon(AbandonReason.TRADER);
        };
    }

    private static final Map<String, UnaryOperator<Lifecycle>> COMMANDS = Map.of(
            "start", Lifecycle::start,
            "pause", Lifecycle::pause,
            "resume", Lifecycle::resume,
            "pass", Lifecycle::pass,
            "fail", l -> l.fail(FailureReason.TIME_LIMIT, null),
            "abandon", l -> l.abandon(AbandonReason.REFUND),
            "reinstate", l -> l.reinstate("V1"));

    private static final Map<String, Set<AssessmentState>> ALLOWED_FROM = Map.of(
            "start", EnumSet.of(AssessmentState.CREATED),
            "pause", EnumSet.of(AssessmentState.ACTIVE),
            "resume", EnumSet.of(AssessmentState.PAUSED),
            "pass", EnumSet.of(AssessmentState.ACTIVE),
            "fail", EnumSet.of(AssessmentState.ACTIVE, AssessmentState.PAUSED),
            "abandon", EnumSet.of(AssessmentState.CREATED, AssessmentState.ACTIVE, AssessmentState.PAUSED),
            "reinstate", EnumSet.of(AssessmentState.FAILED));

    private static final Map<String, AssessmentState> TARGET = Map.of(
            "start", AssessmentState.ACTIVE, "pause", AssessmentState.PAUSED, "resume", AssessmentState.ACTIVE,
            "pass", AssessmentState.PASSED, "fail", AssessmentState.FAILED, "abandon", AssessmentState.ABANDONED,
            "reinstate", AssessmentState.ACTIVE);

    @Test
    void everyCommandIsAllowedExactlyFromItsContractStates() {
        for (var command : COMMANDS.entrySet()) {
            for (AssessmentState from : AssessmentState.values()) {
                Lifecycle l = in(from);
                if (ALLOWED_FROM.get(command.getKey()).contains(from)) {
                    assertThat(command.getValue().apply(l).state()).as(command.getKey() + " from " + from)
                            .isEqualTo(TARGET.get(command.getKey()));
                } else {
                    assertThatThrownBy(() -> command.getValue().apply(l)).as(command.getKey() + " from " + from)
                            .isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
    }

    @Test
    void failedCarriesItsReasonAndOnlyTheFailingViolationCanBeVoided() {
        Lifecycle failed = Lifecycle.created().start().fail(FailureReason.TIME_LIMIT, "A-V3");
        assertThat(failed.failureReason()).isEqualTo(FailureReason.TIME_LIMIT);
        assertThat(failed.violationId()).isEqualTo("A-V3");
        assertThatThrownBy(() -> failed.reinstate("A-V2")).isInstanceOf(IllegalArgumentException.class);
        Lifecycle back = failed.reinstate("A-V3");
        assertThat(back.state()).isEqualTo(AssessmentState.ACTIVE);
        assertThat(back.failureReason()).isNull();
        Lifecycle adminFailed = Lifecycle.created().start().fail(FailureReason.ADMIN, null);
        assertThatThrownBy(() -> adminFailed.reinstate(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abandonRecordsWho() {
        assertThat(Lifecycle.created().start().pause().abandon(AbandonReason.ADMIN).abandonReason())
                .isEqualTo(AbandonReason.ADMIN);
    }
}
