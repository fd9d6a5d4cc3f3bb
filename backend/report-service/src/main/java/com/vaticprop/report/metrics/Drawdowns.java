package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawdowns of the day-close equity curve, the initial balance counting as the first peak. An episode runs from a
 * peak to the first close at or above it again (or to the last day when it never recovered); its depth is the
 * lowest {@code equity / peak − 1} inside it. Intraday dips are not in this curve: the rule section measures those
 * against the floors.
 *
 * @param maxDrawdownPct    the deepest episode's depth as a positive fraction (0.05 = 5 %)
 * @param maxDrawdownAmount the deepest episode's loss from its peak, in money
 * @param maxDrawdownDays   calendar days from that episode's peak to its recovery (or to the last day)
 * @param recovered         whether the deepest episode recovered
 * @param averageDrawdownPct the mean depth of all episodes (positive fraction), 0 without any
 * @param episodes          how many episodes there were
 * @param underwater        per day, {@code equity / running peak − 1} (≤ 0), for the underwater chart
 */
public record Drawdowns(double maxDrawdownPct, BigDecimal maxDrawdownAmount, long maxDrawdownDays,
                        boolean recovered, double averageDrawdownPct, int episodes, List<Point> underwater) {

    public record Point(LocalDate day, double drawdown) {
    }

    public static Drawdowns of(BigDecimal initialBalance, List<DayResult> days) {
        double peak = initialBalance.doubleValue();
        // the initial balance is the peak "before" day 1
        LocalDate peakDay = days.isEmpty() ? null : days.getFirst().day().minusDays(1);
        List<Point> underwater = new ArrayList<>(days.size());
        double maxDepth = 0;
        double maxAmount = 0;
        long maxDays = 0;
        boolean maxRecovered = true;
        double episodeDepth = 0;
        double episodeAmount = 0;
        LocalDate episodePeakDay = null;
        double depthSum = 0;
        int episodes = 0;
        for (DayResult d : days) {
            double equity = d.closeEquity().doubleValue();
            if (equity >= peak) {
                if (episodePeakDay != null) {
                    // an episode recovered today
                    long length = ChronoUnit.DAYS.between(episodePeakDay, d.day());
                    if (episodeDepth > maxDepth) {
                        maxDepth = episodeDepth;
                        maxAmount = episodeAmount;
                        maxDays = length;
                        maxRecovered = true;
                    }
                    depthSum += episodeDepth;
                    episodes++;
                    episodePeakDay = null;
                    episodeDepth = 0;
                    episodeAmount = 0;
                }
                peak = equity;
                peakDay = d.day();
                underwater.add(new Point(d.day(), 0));
                continue;
            }
            if (episodePeakDay == null) {
                episodePeakDay = peakDay;
            }
            double depth = 1 - equity / peak;
            if (depth > episodeDepth) {
                episodeDepth = depth;
                episodeAmount = peak - equity;
            }
            underwater.add(new Point(d.day(), -depth));
        }
        if (episodePeakDay != null) {
            long length = ChronoUnit.DAYS.between(episodePeakDay, days.getLast().day());
            if (episodeDepth > maxDepth) {
                maxDepth = episodeDepth;
                maxAmount = episodeAmount;
                maxDays = length;
                maxRecovered = false;
            }
            depthSum += episodeDepth;
            episodes++;
        }
        return new Drawdowns(maxDepth, BigDecimal.valueOf(maxAmount).setScale(8, RoundingMode.HALF_EVEN),
                maxDays, maxRecovered, episodes == 0 ? 0 : depthSum / episodes, episodes,
                List.copyOf(underwater));
    }
}
