package com.vaticprop.core.fairness;

import com.vaticprop.core.fairness.TradingRecords.Fill;
import com.vaticprop.core.fairness.TradingRecords.QuoteGap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Latency arbitrage: an assessment that trades (almost) only in the seconds after a quote gap on the instrument —
 * when the first price after a silence can be stale against the venue, and someone watching a faster feed knows
 * which way it will move. Reported when at least {@code minFills} fills exist and at least {@code minShare} of them
 * came within {@code afterGap} of a gap's end.
 */
final class LatencyArbitrageDetector {

    private final Duration afterGap;
    private final int minFills;
    private final BigDecimal minShare;

    LatencyArbitrageDetector(Duration afterGap, int minFills, BigDecimal minShare) {
        this.afterGap = afterGap;
        this.minFills = minFills;
        this.minShare = minShare;
    }

    List<Finding> detect(List<Fill> fills, List<QuoteGap> gaps) {
        Map<String, List<QuoteGap>> gapsByInstrument = new LinkedHashMap<>();
        gaps.stream().sorted(Comparator.comparing(QuoteGap::end))
                .forEach(g -> gapsByInstrument.computeIfAbsent(g.instrument(), k -> new ArrayList<>()).add(g));
        Map<UUID, List<Fill>> byAssessment = new LinkedHashMap<>();
        fills.forEach(f -> byAssessment.computeIfAbsent(f.assessmentId(), k -> new ArrayList<>()).add(f));
        List<Finding> findings = new ArrayList<>();
        byAssessment.forEach((assessment, own) -> {
            if (own.size() < minFills) {
                return;
            }
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Fill f : own) {
                gapBefore(f, gapsByInstrument.getOrDefault(f.instrument(), List.of())).ifPresent(g -> evidence.add(
                        Map.of("tradeId", f.tradeId(), "instrument", f.instrument(), "executedAt",
                                f.executedAt().toString(), "gapStart", g.start().toString(), "gapEnd",
                                g.end().toString(), "secondsAfterGap",
                                Duration.between(g.end(), f.executedAt()).toMillis() / 1000.0)));
            }
            BigDecimal share = BigDecimal.valueOf(evidence.size()).divide(BigDecimal.valueOf(own.size()), 4,
                    RoundingMode.HALF_UP);
            if (share.compareTo(minShare) >= 0) {
                java.util.TreeSet<String> instruments = new java.util.TreeSet<>();
                own.forEach(f -> instruments.add(f.instrument()));
                findings.add(new Finding(Finding.Pattern.LATENCY_ARBITRAGE, List.of(own.getFirst().userId()),
                        List.of(assessment), List.copyOf(instruments), evidence.size(),
                        evidence.size() + " of " + own.size() + " fills came within " + afterGap.toSeconds()
                                + " s after a quote gap on the instrument", evidence));
            }
        });
        return findings;
    }

    /** The latest gap that ended at or before the fill and no more than {@code afterGap} before it. */
    private Optional<QuoteGap> gapBefore(Fill f, List<QuoteGap> gaps) {
        QuoteGap found = null;
        for (QuoteGap g : gaps) {
            if (g.end().isAfter(f.executedAt())) {
                break;
            }
            if (Duration.between(g.end(), f.executedAt()).compareTo(afterGap) <= 0) {
                found = g;
            }
        }
        return Optional.ofNullable(found);
    }
}
