package com.vaticprop.report.build;

import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.report.metrics.DayResult;
import com.vaticprop.report.metrics.PerformanceCalculator;
import com.vaticprop.report.metrics.PerformanceMetrics;
import com.vaticprop.report.metrics.TripStats;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.model.Breach;
import com.vaticprop.report.model.DayRow;
import com.vaticprop.report.model.RuleOutcome;
import com.vaticprop.report.model.SimulationSection;
import com.vaticprop.report.readmodel.AssessmentRow;
import com.vaticprop.report.readmodel.ReportRepository;
import com.vaticprop.report.rules.LossFloors;
import com.vaticprop.report.rules.RuleOutcomes;
import com.vaticprop.trading.ruleset.RuleSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link AssessmentReport} of one assessment from the read model: the current phase's days and round
 * trips (streamed into {@link TripStats}), the loss floors and rule outcomes, the breach with its evidence and the
 * latest simulation. Everything the report shows comes from core-service's and monte-carlo-service's events; nothing
 * is fetched from them at report time.
 */
public final class ReportBuilder {

    private final ReportRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    public ReportBuilder(ReportRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public AssessmentReport build(AssessmentRow a) {
        RuleSet rules = RuleSetJson.read(a.ruleSetJson()).orThrow();
        List<ReportRepository.StoredDay> stored = new ArrayList<>(repository.days(a.assessmentId(), a.phase()));
        List<String> notes = new ArrayList<>();
        ZoneId zone = rules.dayBoundary().zone();
        closingDay(a, zone, stored).ifPresent(d -> {
            stored.add(d);
            notes.add("The last day (" + d.day() + ") ended with the assessment, not at a day close: its figures "
                    + "come from the final balance and equity.");
        });
        List<LossFloors.Day> floors = LossFloors.of(rules, a.initialBalance(), stored.stream()
                .map(d -> new LossFloors.Close(d.day(), d.closeBalance(), d.closeEquity(), d.maxEquity())).toList());
        List<DayRow> days = new ArrayList<>(stored.size());
        List<DayResult> results = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            ReportRepository.StoredDay d = stored.get(i);
            days.add(new DayRow(d.day(), d.closeBalance(), d.closeEquity(), d.dayPnl(), d.minEquity(), d.maxEquity(),
                    d.tradingDay(), d.fills(), floors.get(i).dailyLossFloor(), floors.get(i).maxLossFloor()));
            results.add(new DayResult(d.day(), d.closeEquity(), d.dayPnl()));
        }
        TripStats trips = new TripStats();
        repository.roundTrips(a.assessmentId(), a.phase(), trips::add);
        PerformanceMetrics metrics = PerformanceCalculator.compute(a.initialBalance(), results, trips);

        Breach breach = null;
        List<Breach> voided = new ArrayList<>();
        for (ReportRepository.StoredViolation v : repository.violations(a.assessmentId())) {
            Breach b = new Breach(v.violationId(), v.rule(), map(v.explanationJson()), v.threshold(), v.measured(),
                    map(v.quoteJson()), v.detectedAt(), v.voided());
            if (v.voided()) {
                voided.add(b);
            } else if (breach == null || v.violationId().equals(a.violationId())) {
                breach = b;
            }
        }
        LocalDate start = a.startedAt() == null ? null : LocalDate.ofInstant(a.startedAt(), zone);
        Instant end = a.endedAt() != null ? a.endedAt() : clock.instant();
        List<RuleOutcome> outcomes = RuleOutcomes.of(rules, a.phase(), a.initialBalance(), days, breach, start,
                LocalDate.ofInstant(end, zone));

        int fills = repository.fills(a.assessmentId(), a.phase());
        if (fills == 0 && trips.count() == 0) {
            notes.add("No trades were made in this phase: the performance figures are empty.");
        }
        if (!a.finished()) {
            notes.add("Interim report: the assessment is " + a.status() + "; figures cover the days closed so far.");
        }
        if (!voided.isEmpty()) {
            notes.add(voided.size() + " breach(es) were voided by an administrator and the assessment reinstated.");
        }
        String phaseName = rules.phase(Math.min(a.phase(), rules.phases().size() - 1)).name();
        return new AssessmentReport(a.assessmentId(), a.userId(), a.tierId(), a.tierVersion(), a.currency(),
                a.phase(), phaseName, rules.phases().size(), a.status(), a.result(), a.reason(), !a.finished(),
                a.fundedEligible(), a.profitSplitPct(), clock.instant(), a.lastSeq(), a.createdAt(), a.startedAt(),
                a.endedAt(), a.initialBalance(), a.finalBalance(),
                a.finalEquity() != null ? a.finalEquity() : metrics.finalEquity(), fills,
                (int) days.stream().filter(DayRow::tradingDay).count(), metrics, outcomes, breach, voided, days, Histograms.of(trips.pnls()), simulation(a), notes);
    }

    /**
     * A finished assessment whose end day has no {@code assessment.day-closed} (it ended intraday): that day, from
     * the final balance and equity, so the curve and every figure end where the assessment ended. Its lowest equity
     * is the lower of the prior close and the final equity (the intraday low is not in the events).
     */
    private java.util.Optional<ReportRepository.StoredDay> closingDay(AssessmentRow a, ZoneId zone,
                                                                      List<ReportRepository.StoredDay> days) {
        if (!a.finished() || a.endedAt() == null || a.finalEquity() == null) {
            return java.util.Optional.empty();
        }
        LocalDate end = LocalDate.ofInstant(a.endedAt(), zone);
        if (!days.isEmpty() && !days.getLast().day().isBefore(end)) {
            return java.util.Optional.empty();
        }
        BigDecimal prior = days.isEmpty() ? a.initialBalance() : days.getLast().closeEquity();
        BigDecimal close = a.finalEquity();
        int fills = repository.fillsBetween(a.assessmentId(), a.phase(), end.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant());
        return java.util.Optional.of(new ReportRepository.StoredDay(end,
                a.finalBalance() == null ? close : a.finalBalance(), close, close.subtract(prior), prior.min(close),
                prior.max(close), fills > 0, fills));
    }

    private SimulationSection simulation(AssessmentRow a) {
        return repository.simulation(a.assessmentId()).map(s -> {
            Map<String, Object> summary = map(s.summaryJson());
            List<SimulationSection.FanPoint> fan = json.readValue(s.fanChartJson(),
                    new TypeReference<List<SimulationSection.FanPoint>>() { });
            return new SimulationSection(s.simulationId(), decimal(summary.get("passProbability")),
                    decimal(summary.get("ciLow")), decimal(summary.get("ciHigh")), failureSplit(summary), fan,
                    s.completedAt());
        }).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, BigDecimal> failureSplit(Map<String, Object> summary) {
        Object split = summary.get("failureSplit");
        if (!(split instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) m).forEach((k, v) -> out.put(k, decimal(v)));
        return out;
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    private Map<String, Object> map(String text) {
        return text == null ? null : json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }
}
