package com.vaticprop.risk.method;

/**
 * Automatic mean block length for the stationary bootstrap: Politis &amp; White (2004), with the correction of
 * Patton, Politis &amp; White (2009), on the series of day P&L.
 * <ol>
 *   <li>autocorrelations ρ(k); {@code K = max(5, ⌈√log10 n⌉)}, {@code mMax = ⌈√n⌉ + K}, significance bound
 *       {@code c = 2 √(log10 n / n)};
 *   <li>m̂ = the smallest lag after which K consecutive |ρ| stay below c; {@code M = min(2 m̂, mMax)};
 *   <li>flat-top kernel λ(t) = 1 for |t| ≤ ½, 2(1 − |t|) for ½ &lt; |t| ≤ 1; with autocovariances R(k):
 *       {@code G = Σ λ(k/M) |k| R(k)}, {@code g = Σ λ(k/M) R(k)} (k = −M..M), {@code D = 2 g²};
 *   <li>{@code b = (2 G² / D)^{1/3} n^{1/3}}, clipped to [1, min(3√n, n/3)].
 * </ol>
 * A series without variance, or too short to estimate (n &lt; 8), gets 1 (the i.i.d. bootstrap).
 */
public final class BlockLength {
    private BlockLength() {
    }

    public static double politisWhite(double[] x) {
        int n = x.length;
        if (n < 8) {
            return 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        int kn = Math.max(5, (int) Math.ceil(Math.sqrt(Math.log10(n))));
        int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
        int maxLag = Math.min(n - 1, mMax + kn);
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            for (int i = k; i < n; i++) {
                s += (x[i] - mean) * (x[i - k] - mean);
            }
            r[k] = s / n;
        }
        if (r[0] <= 0) {
            return 1;
        }
        double bound = 2 * Math.sqrt(Math.log10(n) / n);
        int mHat = -1;
        for (int m = 1; m + kn - 1 <= maxLag && mHat < 0; m++) {
            boolean quiet = true;
            for (int j = 0; j < kn; j++) {
                if (Math.abs(r[m + j] / r[0]) >= bound) {
                    quiet = false;
                    break;
                }
            }
            if (quiet) {
                mHat = m - 1;
            }
        }
        if (mHat < 0) {
            mHat = mMax;
        }
        int bigM = Math.min(Math.max(2 * mHat, 1), Math.min(mMax, maxLag));
        double g = r[0];
        double bigG = 0;
        for (int k = 1; k <= bigM; k++) {
            double lambda = flatTop((double) k / bigM);
            g += 2 * lambda * r[k];
            bigG += 2 * lambda * k * r[k];
        }
        double d = 2 * g * g;
        if (d <= 0) {
            return 1;
        }
        double b = Math.cbrt(2 * bigG * bigG / d) * Math.cbrt(n);
        double max = Math.min(3 * Math.sqrt(n), n / 3.0);
        return Math.max(1, Math.min(max, b));
    }

    private static double flatTop(double t) {
        double a = Math.abs(t);
        return a <= 0.5 ? 1 : a <= 1 ? 2 * (1 - a) : 0;
    }
}
