package com.vaticprop.risk;

import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.result.SimulationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One seed → identical results for 1 and N threads, for every method; another seed → different results. */
class ReproducibilityTest {
    static List<Method> methods() {
        return List.of(new Method.IidDays(), new Method.StationaryBlock(null), new Method.StationaryBlock(4.0),
                new Method.Normal(), new Method.StudentT(null), new Method.IidRoundTrips());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void sameSeedSameResultForAnyThreadCount(Method method) {
        var sample = method instanceof Method.IidRoundTrips ? RoundTripSamples.mixed()
                : Samples.ar1(300, 0.3, 900, 11);
        SimulationRequest one = new SimulationRequest(sample, method, Samples.full(), 0, null, 60, 50_000, 42, 1,
                5_000);
        SimulationResult single = MonteCarloEngine.run(one);
        for (int threads : new int[]{2, 3, 8}) {
            SimulationResult multi = MonteCarloEngine.run(one.withThreads(threads));
            assertThat(multi).isEqualTo(single); // value equality, arrays included
            assertThat(multi).usingRecursiveComparison().isEqualTo(single);
        }
        SimulationRequest other = new SimulationRequest(sample, method, Samples.full(), 0, null, 60, 50_000, 43, 2,
                5_000);
        assertThat(MonteCarloEngine.run(other).terminal()).isNotEqualTo(single.terminal());
    }
}
