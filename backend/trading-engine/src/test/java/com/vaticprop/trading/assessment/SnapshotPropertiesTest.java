package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.position.ClosedPosition;
import com.vaticprop.trading.ruleset.RuleSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restored engine is indistinguishable from the original: for random rule sets, settings and sessions
 * ({@link RandomSessions}), snapshot at a random input, restore, then feed the rest to both — every
 * {@link EngineResult} (events and rule checks, in order), every refusal of an illegal command and the final state are
 * equal. The restored engine is itself snapshotted and restored again now and then, and before the cut every
 * snapshot must survive snapshot → restore → snapshot unchanged.
 */
class SnapshotPropertiesTest {

    /** What one input did: its result, or the exception it was refused with. */
    private record Outcome(EngineResult result, String refusal) {
        static Outcome of(AssessmentEngine engine, EngineInput input) {
            try {
                return new Outcome(engine.apply(input), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    @Property(tries = 50)
    void aRestoredEngineAnswersEveryLaterInputLikeTheOriginal(@ForAll long seed) {
        Random r = new Random(seed);
        RuleSet rs = RandomSessions.ruleSet(r);
        EngineSettings settings = RandomSessions.settings(r);
        List<EngineInput> inputs = RandomSessions.inputs(r, 30 + r.nextInt(220));
        int cut = r.nextInt(inputs.size() + 1);
        AssessmentEngine original = new AssessmentEngine("S", rs, settings);
        for (EngineInput input : inputs.subList(0, cut)) {
            Outcome.of(original, input);
            roundTrip(original, rs, settings);
        }
        Statistics.label("state at the cut").collect(original.state());
        Statistics.label("working orders at the cut").collect(original.workingOrders().size());
        AssessmentEngine copy = roundTrip(original, rs, settings);
        int fills = 0;
        boolean passed = false;
        boolean reinstated = false;
        for (int i = cut; i < inputs.size(); i++) {
            EngineInput input = inputs.get(i);
            Outcome expected = Outcome.of(original, input);
            assertThat(Outcome.of(copy, input)).as("input %d of %d (cut at %d): %s", i, inputs.size(), cut, input)
                    .isEqualTo(expected);
            if (expected.result() != null) {
                fills += expected.result().fills().size();
                passed |= !expected.result().eventsOf(EngineEvent.PhasePassed.class).isEmpty()
                        || !expected.result().eventsOf(EngineEvent.FundedEligible.class).isEmpty();
                reinstated |= !expected.result().eventsOf(EngineEvent.Reinstated.class).isEmpty();
            }
            if (r.nextInt(30) == 0) {
                copy = roundTrip(copy, rs, settings);
            }
        }
        Statistics.label("fills after the cut").collect(fills == 0 ? "0" : fills < 5 ? "1-4" : "5+");
        Statistics.label("after the cut").collect(passed ? "a phase passed" : "no pass",
                reinstated ? "reinstated" : "-");
        Statistics.label("final state").collect(original.state());
        assertSameState(original, copy);
    }

    /** Restores {@code engine}'s snapshot and checks that the restored engine's snapshot is the same. */
    private static AssessmentEngine roundTrip(AssessmentEngine engine, RuleSet rs, EngineSettings settings) {
        EngineSnapshot snapshot = engine.snapshot();
        AssessmentEngine restored = AssessmentEngine.restore(engine.assessmentId(), rs, settings, snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        return restored;
    }

    private static void assertSameState(AssessmentEngine original, AssessmentEngine copy) {
        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        assertThat(copy.lifecycle()).isEqualTo(original.lifecycle());
        assertThat(copy.phase()).isEqualTo(original.phase());
        assertThat(copy.workingOrders()).isEqualTo(original.workingOrders());
        assertThat(copy.lastEvaluation()).isEqualTo(original.lastEvaluation());
        assertThat(copy.account().isPresent()).isEqualTo(original.account().isPresent());
        if (original.account().isPresent()) {
            Account a = original.account().get();
            Account b = copy.account().get();
            assertThat(b.snapshot()).isEqualTo(a.snapshot());
            assertThat(b.positions()).isEqualTo(a.positions());
            assertThat(b.closedDays()).isEqualTo(a.closedDays());
            List<ClosedPosition> all = a.closedPositions();
            List<ClosedPosition> sinceRestore = b.closedPositions();
            assertThat(sinceRestore.size()).isLessThanOrEqualTo(all.size());
            assertThat(all.subList(all.size() - sinceRestore.size(), all.size()))
                    .as("round trips closed since the restore").isEqualTo(sinceRestore);
        }
    }
}
