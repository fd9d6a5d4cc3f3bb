package com.vaticprop.report;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.report.build.ReportBuilder;
import com.vaticprop.report.charts.ChartImages;
import com.vaticprop.report.charts.ReportCharts;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.readmodel.AssessmentRow;
import com.vaticprop.report.readmodel.ReportRepository;
import com.vaticprop.report.render.ReportDocuments;
import com.vaticprop.report.support.ReportEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report generation timings (issue 9's performance targets), run by {@code backend/benchmarks/report-benchmark.sh};
 * not a test (surefire's default includes skip the name). An assessment of 10,000 round trips over 60 days is
 * written straight into the read model; then, warm, each operation is timed: the baseline — the four charts alone
 * rendered by JFreeChart at the PDF's raster size —, the report built from the database (streaming the round trips
 * and computing every figure), the PDF (build + charts + PDFBox) and the HTML (build + SVG charts). Results go to
 * stdout and {@code target/report-benchmark.txt}.
 */
class ReportRenderBenchmark extends ReportServiceTestBase {

    static final int TRIPS = 10_000;
    static final int DAYS = 60;
    static final int WARMUP = Integer.getInteger("report.benchmark.warmup", 15);
    static final int RUNS = Integer.getInteger("report.benchmark.runs", 40);

    @Autowired
    JdbcTemplate template;
    @Autowired
    ReportRepository repository;
    @Autowired
    ReportBuilder builder;
    @Autowired
    ReportDocuments documents;
    @Autowired
    Transactions transactions;

    @Test
    void measure() throws IOException {
        UUID id = seed();
        AssessmentRow row = repository.assessment(id).orElseThrow();
        AssessmentReport model = transactions.inTransaction(() -> builder.build(row));
        assertThat(model.metrics().roundTrips()).isEqualTo(TRIPS);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("report benchmark: %d round trips over %d days, %d warm-up + %d measured runs each, "
                + "one thread; load average before: %s", TRIPS, DAYS, WARMUP, RUNS, loadAverage()));
        lines.add(time("baseline: 4 charts alone (JFreeChart, 1030x440 raster)", () -> {
            for (ReportCharts.NamedChart c : ReportCharts.of(model)) {
                ChartImages.image(c.chart(), 1030, 440);
            }
            return 0;
        }));
        lines.add(time("report built from the database (stream trips + metrics)",
                () -> transactions.inTransaction(() -> builder.build(row))));
        lines.add(time("PDF: build + charts + PDFBox (all pages)",
                () -> documents.pdf(transactions.inTransaction(() -> builder.build(row))).length));
        lines.add(time("HTML: build + inline SVG charts",
                () -> documents.html(transactions.inTransaction(() -> builder.build(row))).length));
        lines.add(time("PDF from a built report (charts + PDFBox only)", () -> documents.pdf(model).length));
        byte[] pdf = documents.pdf(model);
        lines.add(String.format("PDF %d bytes, %d pages; HTML %d bytes; JSON %d bytes; load average after: %s",
                pdf.length, com.vaticprop.report.support.PdfCheck.of(pdf).pages(), documents.html(model).length,
                documents.json(model).length, loadAverage()));
        lines.forEach(System.out::println);
        Files.write(Path.of("target/report-benchmark.txt"), lines);
    }

    private static String time(String name, Supplier<?> op) {
        for (int i = 0; i < WARMUP; i++) {
            op.get();
        }
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            op.get();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
        return String.format("%-58s mean %7.1f ms  p50 %7.1f  p95 %7.1f  max %7.1f", name, mean, ns[RUNS / 2] / 1e6,
                ns[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, ns[RUNS - 1] / 1e6);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Writes the assessment straight into the read model (the Kafka path is covered by LargeAssessmentTest). */
    private UUID seed() {
        UUID id = UUID.randomUUID();
        Instant start = ReportEvents.START;
        jdbc.sql("""
                        INSERT INTO assessment (assessment_id, user_id, tier_id, tier_version, rule_set,
                            initial_balance, currency, phase, status, result, reason, final_balance, final_equity,
                            funded_eligible, created_at, started_at, ended_at, last_seq, updated_at)
                        VALUES (?, ?, ?, 1, CAST(? AS JSONB), 100000, 'USD', 0, 'FAILED', 'FAILED', 'TIME_LIMIT',
                            ?, ?, false, ?, ?, ?, 1, ?)""")
                .params(id, trader, tier, ReportEvents.ruleSet().toString(), 0, 0, Timestamp.from(start),
                        Timestamp.from(start), Timestamp.from(start.plusSeconds(86_400L * DAYS)),
                        Timestamp.from(start))
                .update();
        List<Object[]> trips = new ArrayList<>();
        List<Object[]> days = new ArrayList<>();
        long equity = 100_000;
        int perDay = (TRIPS + DAYS - 1) / DAYS;
        int trip = 0;
        for (int d = 0; d < DAYS; d++) {
            long dayPnl = 0;
            for (int k = 0; k < perDay && trip < TRIPS; k++, trip++) {
                long pnl = (trip * 37L) % 200 - 90;
                Instant opened = start.plusSeconds(86_400L * d + 60L * k);
                trips.add(new Object[]{id, UUID.randomUUID(), trip % 3 == 0 ? "ETH-USD" : "BTC-USD", pnl,
                        Timestamp.from(opened), Timestamp.from(opened.plusSeconds(1800)), trip + 3L});
                dayPnl += pnl - 1;
            }
            equity += dayPnl;
            days.add(new Object[]{id, Date.valueOf(ReportEvents.DAY1.plusDays(d)), equity, equity, dayPnl,
                    equity - Math.abs(dayPnl) - 50, equity + 50, 20_000L + d});
        }
        template.batchUpdate("""
                INSERT INTO round_trip (assessment_id, position_id, phase, instrument, side, qty, avg_entry,
                    exit_price, realized_pnl, fees, opened_at, closed_at, seq)
                VALUES (?, ?, 0, ?, 'LONG', 1, 60000, 60100, ?, 1, ?, ?, ?)""", trips);
        template.batchUpdate("""
                INSERT INTO trading_day (assessment_id, phase, day, close_balance, close_equity, day_pnl, min_equity,
                    max_equity, trading_day, fills, seq)
                VALUES (?, 0, ?, ?, ?, ?, ?, ?, true, 300, ?)""", days);
        jdbc.sql("UPDATE assessment SET final_balance = ?, final_equity = ? WHERE assessment_id = ?")
                .params(equity, equity, id).update();
        return id;
    }
}
