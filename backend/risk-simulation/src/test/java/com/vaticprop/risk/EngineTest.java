package com.vaticprop.risk;

import com.vaticprop.risk.kernel.PathOutcome;
import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.result.FanChart;
import com.vaticprop.risk.result.SimulationResult;
import com.vaticprop.risk.run.ChunkedRunner;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The engine's result, progress and cancellation, and every method on realistic samples. */
class EngineTest {
    static final SimulationRequest REQUEST = new SimulationRequest(Samples.ar1(250, 0.2, 1200, 8),
            new Method.IidDays(), Samples.full(), 0, null, 60, 30_000, 5, 2, 10_000);

    @Test
    void resultIsConsistent() {
        SimulationResult r = MonteCarloEngine.run(REQUEST);
        long total = Arrays.stream(PathOutcome.values()).mapToLong(r::count).sum();
        assertThat(total).isEqualTo(30_000);
        assertThat(r.passProbability().lower()).isLessThanOrEqualTo(r.passProbability().estimate());
        assertThat(r.passProbability().upper()).isGreaterThanOrEqualTo(r.passProbability().estimate());
        assertThat(Arrays.stream(r.daysToPass().countByDay()).sum()).isEqualTo(r.count(PathOutcome.PASSED));
        assertThat(Arrays.stream(r.maxDrawdown().counts()).sum()).isEqualTo(30_000);
        assertThat(r.maxDrawdown().binWidth()).isEqualByComparingTo("500"); // 10% of 100,000 / 20
        double shares = r.failureShares().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(shares + r.passProbability().estimate() + (double) r.count(PathOutcome.NO_VERDICT) / 30_000)
                .isCloseTo(1, within(1e-9));

        assertThat(r.fanChart().days()).hasSize(60);
        assertThat(r.fanChart().samplePaths()).isEqualTo(10_000);
        for (FanChart.Day d : r.fanChart().days()) {
            assertThat(d.p5()).isLessThanOrEqualTo(d.p25());
            assertThat(d.p25()).isLessThanOrEqualTo(d.p50());
            assertThat(d.p50()).isLessThanOrEqualTo(d.p75());
            assertThat(d.p75()).isLessThanOrEqualTo(d.p95());
        }
        var t = r.terminal();
        assertThat(t.var99()).isGreaterThanOrEqualTo(t.var95());
        assertThat(t.cvar95()).isGreaterThanOrEqualTo(t.var95());
        assertThat(t.cvar99()).isGreaterThanOrEqualTo(t.var99());
        assertThat(t.var95()).isEqualByComparingTo(t.quantiles().get(5).negate());
        // a pass needs ≥ 8% profit, so the payout if passed is at least 80% of 8,000
        assertThat(r.expectedPayoutIfPassed()).isGreaterThanOrEqualTo(new BigDecimal("6400"));
        assertThat(r.expectedPayoutPerAttempt().doubleValue()).isCloseTo(
                r.expectedPayoutIfPassed().doubleValue() * r.passProbability().estimate(), within(0.01));
    }

    @Test
    void progressIsReportedPerChunkAndEndsAtOne() {
        List<Double> seen = new ArrayList<>();
        MonteCarloEngine.run(REQUEST, seen::add, () -> false);
        int chunks = (30_000 + ChunkedRunner.CHUNK - 1) / ChunkedRunner.CHUNK;
        assertThat(seen).hasSize(chunks).isSorted();
        assertThat(seen.getLast()).isEqualTo(1.0);
    }

    @Test
    void cancellationStopsBetweenChunks() {
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarloEngine.run(REQUEST.withThreads(1), f -> chunks.incrementAndGet(),
                () -> chunks.get() >= 3)).isInstanceOf(SimulationCancelledException.class);
        assertThat(chunks.get()).isEqualTo(3);
    }

    @Test
    void everyMethodRunsOnItsSample() {
        for (Method m : ReproducibilityTest.methods()) {
            var sample = m instanceof Method.IidRoundTrips ? RoundTripSamples.mixed() : REQUEST.sample();
            SimulationResult r = MonteCarloEngine.run(new SimulationRequest(sample, m, Samples.full(), 0, null, 60,
                    20_000, 1, 2, 2_000));
            assertThat(r.passProbability().estimate()).as(m.toString()).isBetween(0.0, 1.0);
            assertThat(r.count(PathOutcome.PASSED) + r.count(PathOutcome.MAX_LOSS) + r.count(PathOutcome.DAILY_LOSS))
                    .as(m.toString()).isPositive();
        }
    }

    @Test
    void parametricFitsTheSample() {
        var normal = MonteCarloEngine.run(new SimulationRequest(REQUEST.sample(), new Method.Normal(),
                Samples.full(), 0, null, 5, 2_000, 1, 1, 100));
        double[] pnl = ((com.vaticprop.risk.sample.PnlSample.Days) REQUEST.sample()).days().stream().mapToDouble(d -> d.dayPnl().doubleValue()).toArray();
        double mean = Arrays.stream(pnl).average().orElseThrow();
        assertThat(normal.fit().mean()).isCloseTo(mean, within(1e-6));
        assertThat(normal.fit().dof()).isNull();
        var t = MonteCarloEngine.run(new SimulationRequest(REQUEST.sample(), new Method.StudentT(5.0),
                Samples.full(), 0, null, 5, 2_000, 1, 1, 100));
        assertThat(t.fit().dof()).isEqualTo(5.0);
        assertThat(t.fit().scale()).isCloseTo(t.fit().sd() * Math.sqrt(3.0 / 5), within(1e-9));
    }

    @Test
    void roundTripBootstrapNeedsRoundTrips() {
        assertThatThrownBy(() -> MonteCarloEngine.run(new SimulationRequest(REQUEST.sample(),
                new Method.IidRoundTrips(), Samples.full(), 0, null, 5, 10, 1, 1, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
