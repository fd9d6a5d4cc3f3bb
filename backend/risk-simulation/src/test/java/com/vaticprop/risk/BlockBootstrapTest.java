package com.vaticprop.risk;

import com.vaticprop.risk.method.BlockLength;
import com.vaticprop.risk.method.DayStream;
import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.method.PathModel;
import com.vaticprop.risk.sample.DaySeries;
import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.trading.ruleset.DayBoundary;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The stationary block bootstrap keeps an AR(1) sample's lag-1 autocorrelation; the i.i.d. bootstrap loses it. */
class BlockBootstrapTest {
    static final DayBoundary UTC = DayBoundary.of("UTC", "00:00");

    @Test
    void blockBootstrapKeepsLagOneAutocorrelationBetterThanIid() {
        PnlSample.Days sample = Samples.ar1(500, 0.6, 1000, 3);
        double target = lag1(DaySeries.of(sample, UTC, 0).pnlAsDoubles());
        assertThat(target).isBetween(0.45, 0.75);

        PathModel block = PathModel.of(new Method.StationaryBlock(null), sample, UTC, 0);
        PathModel iid = PathModel.of(new Method.IidDays(), sample, UTC, 0);
        assertThat(block.blockLength()).as("estimated mean block length").isGreaterThan(2);

        double blockAcf = simulatedLag1(block);
        double iidAcf = simulatedLag1(iid);
        assertThat(Math.abs(blockAcf - target)).isLessThan(Math.abs(iidAcf - target));
        assertThat(Math.abs(iidAcf)).isLessThan(0.05);
        assertThat(blockAcf).isGreaterThan(0.3);
    }

    @Test
    void whiteNoiseGetsShortBlocks() {
        PnlSample.Days noise = Samples.ar1(500, 0.0, 1000, 4);
        assertThat(BlockLength.politisWhite(DaySeries.of(noise, UTC, 0).pnlAsDoubles())).isLessThan(2.5);
    }

    /** Lag-1 autocorrelation pooled over 2,000 simulated 60-day paths. */
    static double simulatedLag1(PathModel model) {
        DayStream s = model.newStream();
        DayTable t = s.table();
        SplittableRandom r = new SplittableRandom(9);
        double sx = 0, sxx = 0, sxy = 0;
        long n = 0, pairs = 0;
        double[] path = new double[60];
        double[][] all = new double[2000][];
        for (int p = 0; p < all.length; p++) {
            s.startPath(r);
            for (int d = 0; d < path.length; d++) {
                path[d] = t.pnl[s.nextDay(r)] / 1e8;
                sx += path[d];
                sxx += path[d] * path[d];
                n++;
            }
            all[p] = path.clone();
        }
        double mean = sx / n;
        double var = sxx / n - mean * mean;
        for (double[] p : all) {
            for (int d = 1; d < p.length; d++) {
                sxy += (p[d] - mean) * (p[d - 1] - mean);
                pairs++;
            }
        }
        return sxy / pairs / var;
    }

    static double lag1(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - mean) * (x[i] - mean);
            if (i > 0) {
                num += (x[i] - mean) * (x[i - 1] - mean);
            }
        }
        return num / den;
    }
}
