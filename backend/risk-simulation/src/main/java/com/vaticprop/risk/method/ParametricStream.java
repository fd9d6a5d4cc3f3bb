package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;

import java.util.SplittableRandom;

/**
 * Draws days from a {@link ParametricFit}: normal via {@link SplittableRandom#nextGaussian()}, Student-t as
 * {@code Z / √(V/ν)} with {@code V ~ χ²(ν) = Gamma(ν/2, 2)} (Marsaglia &amp; Tsang's method). Amounts are rounded to
 * the unit grid of {@link Units}.
 */
final class ParametricStream implements DayStream {
    private final ParametricFit fit;
    private final boolean studentT;
    private final double halfDof;
    private final DayTable scratch = new DayTable(1);

    ParametricStream(ParametricFit fit) {
        this.fit = fit;
        this.studentT = fit.dof() != null;
        this.halfDof = studentT ? fit.dof() / 2 : 0;
    }

    @Override
    public DayTable table() {
        return scratch;
    }

    @Override
    public void startPath(SplittableRandom random) {
    }

    @Override
    public int nextDay(SplittableRandom random) {
        double z = random.nextGaussian();
        double pnl;
        if (studentT) {
            double v = 2 * gamma(random, halfDof);
            pnl = fit.mean() + fit.scale() * z / Math.sqrt(v / fit.dof());
        } else {
            pnl = fit.mean() + fit.sd() * z;
        }
        double abs = Math.abs(pnl);
        long p = Units.fromDouble(pnl);
        long low = Units.fromDouble(Math.min(0, pnl) - fit.lowRatio() * abs);
        long high = Units.fromDouble(Math.max(0, pnl) + fit.highRatio() * abs);
        boolean trading = random.nextDouble() < fit.tradingShare();
        scratch.set(0, p, low, high, 0, 0, trading, trading);
        return 0;
    }

    /** Gamma(shape, 1) for shape ≥ 1 (Marsaglia &amp; Tsang 2000); shape &lt; 1 via the usual U^(1/a) boost. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
