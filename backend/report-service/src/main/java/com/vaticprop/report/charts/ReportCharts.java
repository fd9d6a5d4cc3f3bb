package com.vaticprop.report.charts;

import com.vaticprop.report.metrics.DayResult;
import com.vaticprop.report.metrics.Drawdowns;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.model.DayRow;
import com.vaticprop.report.model.SimulationSection;
import com.vaticprop.report.model.TripHistogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's charts as JFreeChart objects, built from the {@link AssessmentReport} alone: equity curve with the
 * daily-loss and max-loss floors as they moved (step lines), underwater curve, daily P&L bars, round-trip P&L
 * distribution, and the Monte Carlo fan chart when a simulation exists. Rendering to PNG/SVG is
 * {@link ChartImages}'s job.
 */
public final class ReportCharts {

    public record NamedChart(String name, String title, JFreeChart chart) {
    }

    static final Color EQUITY = new Color(0x1f, 0x5f, 0xbf);
    static final Color DAILY_FLOOR = new Color(0xe0, 0x8a, 0x00);
    static final Color MAX_FLOOR = new Color(0xc0, 0x20, 0x20);
    static final Color GAIN = new Color(0x2e, 0x8b, 0x57);
    static final Color LOSS = new Color(0xc0, 0x39, 0x2b);

    private ReportCharts() {
    }

    public static List<NamedChart> of(AssessmentReport r) {
        List<NamedChart> charts = new ArrayList<>(5);
        charts.add(new NamedChart("equity", "Equity and loss floors", equity(r)));
        charts.add(new NamedChart("underwater", "Drawdown from peak (underwater)", underwater(r)));
        charts.add(new NamedChart("daily-pnl", "Daily P&L", dailyPnl(r)));
        charts.add(new NamedChart("round-trips", "Round-trip P&L distribution", distribution(r.roundTripDistribution())));
        if (r.simulation() != null && !r.simulation().fanChart().isEmpty()) {
            charts.add(new NamedChart("fan", "Monte Carlo equity fan (5/25/50/75/95 %)", fan(r.simulation())));
        }
        return charts;
    }

    static JFreeChart equity(AssessmentReport r) {
        TimeSeries equity = new TimeSeries("Close equity");
        TimeSeries low = new TimeSeries("Lowest equity of the day");
        TimeSeries daily = new TimeSeries("Daily-loss floor");
        TimeSeries max = new TimeSeries("Max-loss floor");
        if (!r.days().isEmpty()) {
            // the starting point: the initial balance the day before day 1
            equity.add(day(r.days().getFirst().day().minusDays(1)), r.initialBalance().doubleValue());
        }
        for (DayRow d : r.days()) {
            Day day = day(d.day());
            equity.addOrUpdate(day, d.closeEquity().doubleValue());
            low.addOrUpdate(day, d.minEquity().doubleValue());
            // a day's floor applies from the previous close to this close: the step starts at the previous point
            Day opened = day(d.day().minusDays(1));
            if (d.dailyLossFloor() != null) {
                daily.addOrUpdate(opened, d.dailyLossFloor().doubleValue());
            }
            if (d.maxLossFloor() != null) {
                max.addOrUpdate(opened, d.maxLossFloor().doubleValue());
            }
        }
        if (!r.days().isEmpty()) {
            // and ends at the last close
            DayRow last = r.days().getLast();
            if (last.dailyLossFloor() != null) {
                daily.addOrUpdate(day(last.day()), last.dailyLossFloor().doubleValue());
            }
            if (last.maxLossFloor() != null) {
                max.addOrUpdate(day(last.day()), last.maxLossFloor().doubleValue());
            }
        }
        TimeSeriesCollection lines = new TimeSeriesCollection();
        lines.addSeries(equity);
        lines.addSeries(low);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, r.currency(), lines, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, EQUITY);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesPaint(1, new Color(0x88, 0xaa, 0xdd));
        plot.setRenderer(0, lineRenderer);
        TimeSeriesCollection floors = new TimeSeriesCollection();
        floors.addSeries(daily);
        floors.addSeries(max);
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, DAILY_FLOOR);
        steps.setSeriesPaint(1, MAX_FLOOR);
        dashed(steps);
        plot.setDataset(1, floors);
        plot.setRenderer(1, steps);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(chart);
    }

    static JFreeChart underwater(AssessmentReport r) {
        List<DayResult> days = r.days().stream().map(d -> new DayResult(d.day(), d.closeEquity(), d.dayPnl())).toList();
        TimeSeries s = new TimeSeries("Drawdown %");
        if (!days.isEmpty()) {
            s.add(day(days.getFirst().day().minusDays(1)), 0); // the initial balance: the first peak
        }
        for (Drawdowns.Point p : Drawdowns.of(r.initialBalance(), days).underwater()) {
            s.addOrUpdate(day(p.day()), p.drawdown() * 100);
        }
        JFreeChart chart = ChartFactory.createXYAreaChart(null, null, "%", new TimeSeriesCollection(s),
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new org.jfree.chart.axis.DateAxis());
        plot.getRenderer().setSeriesPaint(0, LOSS);
        return style(chart);
    }

    static JFreeChart dailyPnl(AssessmentReport r) {
        TimeSeries gains = new TimeSeries("Gain");
        TimeSeries losses = new TimeSeries("Loss");
        for (DayRow d : r.days()) {
            double pnl = d.dayPnl().doubleValue();
            (pnl >= 0 ? gains : losses).addOrUpdate(day(d.day()), pnl);
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(gains);
        data.addSeries(losses);
        JFreeChart chart = ChartFactory.createXYBarChart(null, null, true, r.currency(), data,
                PlotOrientation.VERTICAL, false, false, false);
        XYBarRenderer bars = (XYBarRenderer) chart.getXYPlot().getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, GAIN);
        bars.setSeriesPaint(1, LOSS);
        return style(chart);
    }

    static JFreeChart distribution(TripHistogram h) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TripHistogram.Bin b : h.bins()) {
            data.addValue(b.count(), "Round trips", label(b.from()) + "…" + label(b.to()));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "net P&L per round trip", "round trips", data,
                PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, EQUITY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return style(chart);
    }

    static JFreeChart fan(SimulationSection s) {
        YIntervalSeries outer = new YIntervalSeries("5–95 %");
        YIntervalSeries inner = new YIntervalSeries("25–75 %");
        YIntervalSeries median = new YIntervalSeries("median");
        for (SimulationSection.FanPoint p : s.fanChart()) {
            outer.add(p.day(), p.p50().doubleValue(), p.p5().doubleValue(), p.p95().doubleValue());
            inner.add(p.day(), p.p50().doubleValue(), p.p25().doubleValue(), p.p75().doubleValue());
            median.add(p.day(), p.p50().doubleValue(), p.p50().doubleValue(), p.p50().doubleValue());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(outer);
        data.addSeries(inner);
        data.addSeries(median);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "simulated day", "equity", data,
                PlotOrientation.VERTICAL, true, false, false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color base = EQUITY;
        renderer.setSeriesFillPaint(0, new Color(base.getRed(), base.getGreen(), base.getBlue(), 50));
        renderer.setSeriesFillPaint(1, new Color(base.getRed(), base.getGreen(), base.getBlue(), 110));
        renderer.setSeriesPaint(0, new Color(0x9d, 0xb8, 0xe6));
        renderer.setSeriesPaint(1, new Color(0x5c, 0x88, 0xd6));
        renderer.setSeriesPaint(2, EQUITY);
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        chart.getXYPlot().setRenderer(renderer);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(chart);
    }

    private static void dashed(XYItemRenderer r) {
        BasicStroke dash = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f);
        r.setSeriesStroke(0, dash);
        r.setSeriesStroke(1, dash);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf7, 0xf8, 0xfa));
        chart.setAntiAlias(true);
        return chart;
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String label(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
