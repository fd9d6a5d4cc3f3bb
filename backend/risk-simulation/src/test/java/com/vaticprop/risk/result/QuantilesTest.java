package com.vaticprop.risk.result;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Selection gives the quantiles a full sort gives (type 7), ties and small arrays included. */
class QuantilesTest {
    @Test
    void selectionMatchesSorting() {
        SplittableRandom r = new SplittableRandom(1);
        double[] qs = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(trial < 100 ? 20 : 5000);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextBoolean() ? r.nextInt(10) : (float) r.nextGaussian();
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            double[] got = Quantiles.of(a.clone(), 0, n, qs);
            for (int i = 0; i < qs.length; i++) {
                double h = (n - 1) * qs[i];
                int lo = (int) Math.floor(h);
                double x = sorted[lo];
                double want = x + (h - lo) * (sorted[Math.min(n - 1, lo + 1)] - x);
                assertThat(got[i]).isCloseTo(want, within(1e-9));
            }
            int k = Quantiles.tailCount(n, 0.95);
            double tail = 0;
            for (int i = 0; i < k; i++) {
                tail += sorted[i];
            }
            assertThat(Quantiles.lowestMean(a.clone(), k)).isCloseTo(tail / k, within(1e-6));
        }
    }
}
