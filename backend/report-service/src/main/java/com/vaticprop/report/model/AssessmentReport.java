package com.vaticprop.report.model;

import com.vaticprop.report.metrics.PerformanceMetrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The report of one assessment, the single source of the JSON, HTML and PDF formats. {@code interim} is true for a
 * report of an assessment that has not finished (generated on demand, not stored); {@code asOfSeq} is the last
 * core-service event it includes. {@code notes} carry plain-language remarks (no trades yet, voided breaches…).
 */
public record AssessmentReport(
        UUID assessmentId,
        UUID userId,
        UUID tierId,
        int tierVersion,
        String currency,
        int phase,
        String phaseName,
        int phases,
        String status,
        String result,
        String reason,
        boolean interim,
        boolean fundedEligible,
        BigDecimal profitSplitPct,
        Instant generatedAt,
        long asOfSeq,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        BigDecimal initialBalance,
        BigDecimal finalBalance,
        BigDecimal finalEquity,
        int fills,
        int tradingDays,
        PerformanceMetrics metrics,
        List<RuleOutcome> rules,
        Breach breach,
        List<Breach> voidedBreaches,
        List<DayRow> days,
        TripHistogram roundTripDistribution,
        SimulationSection simulation,
        List<String> notes) {
}
