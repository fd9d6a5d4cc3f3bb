package com.vaticprop.risk.result;

/**
 * A binomial proportion with its Wilson score interval (95%: z = 1.959964): unlike p̂ ± z·se it stays inside [0, 1]
 * and keeps its coverage at 0 or n successes (only-winning samples pass every path).
 */
public record WilsonInterval(long successes, long trials, double estimate, double lower, double upper) {
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(long successes, long trials) {
        return of(successes, trials, Z95);
    }

    public static WilsonInterval of(long successes, long trials, double z) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be > 0");
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
