package com.vaticprop.report.render;

import com.vaticprop.report.charts.ChartImages;
import com.vaticprop.report.charts.ReportCharts;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.model.Breach;
import com.vaticprop.report.model.SimulationSection;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no external resource (it can be
 * saved, mailed or opened offline). Every text that comes from data is escaped.
 */
public final class HtmlRenderer {

    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 320;

    public byte[] render(AssessmentReport r) {
        return render(r, ReportCharts.of(r)).getBytes(StandardCharsets.UTF_8);
    }

    String render(AssessmentReport r, List<ReportCharts.NamedChart> charts) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(ReportSections.title(r) + " " + r.assessmentId())).append("</title><style>")
                .append("body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:820px;color:#222}")
                .append("table{border-collapse:collapse;width:100%;margin:8px 0 20px}td,th{border:1px solid #ddd;")
                .append("padding:4px 6px;font-size:13px;text-align:left}th{background:#f0f2f5}")
                .append(".badge{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-weight:bold}")
                .append(".PASSED{background:#2e8b57}.FAILED{background:#c0392b}.INTERIM{background:#e08a00}")
                .append(".BREACHED{color:#c0392b;font-weight:bold}.note{color:#555;font-size:13px}")
                .append("figure{margin:12px 0}figcaption{font-weight:bold;margin-bottom:4px}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(ReportSections.title(r))).append(' ');
        if (r.interim()) {
            h.append("<span class=\"badge INTERIM\">INTERIM</span>");
        } else if (r.result() != null) {
            h.append("<span class=\"badge ").append(esc(r.result())).append("\">").append(esc(r.result()))
                    .append("</span>");
        }
        h.append("</h1>");
        for (String note : r.notes()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>");
        }
        keyValues(h, "Summary", ReportSections.summary(r));
        table(h, "Rules", ReportSections.ruleHeader(), ReportSections.rules(r), 6);
        if (r.breach() != null) {
            keyValues(h, "Breach (rule engine's explanation and the quote that caused it)",
                    ReportSections.breach(r.breach()));
        }
        for (Breach v : r.voidedBreaches()) {
            keyValues(h, "Voided breach " + v.violationId(), ReportSections.breach(v));
        }
        keyValues(h, "Performance", ReportSections.metrics(r.metrics()));
        h.append("<p class=\"note\">Convention: ").append(esc(r.metrics().convention())).append("</p>");
        if (!r.metrics().perInstrument().isEmpty()) {
            table(h, "Per instrument", ReportSections.instrumentHeader(), ReportSections.instruments(r.metrics()),
                    -1);
        }
        if (r.simulation() != null) {
            simulation(h, r.simulation());
        }
        h.append("<h2>Charts</h2>");
        for (ReportCharts.NamedChart c : charts) {
            h.append("<figure id=\"chart-").append(esc(c.name())).append("\"><figcaption>").append(esc(c.title()))
                    .append("</figcaption>").append(ChartImages.svg(c.chart(), CHART_WIDTH, CHART_HEIGHT))
                    .append("</figure>");
        }
        table(h, "Days", ReportSections.dayHeader(), ReportSections.days(r), -1);
        h.append("<p class=\"note\">Generated ").append(esc(Formats.instant(r.generatedAt())))
                .append(" by Vatic Prop report-service.</p></body></html>");
        return h.toString();
    }

    private static void simulation(StringBuilder h, SimulationSection s) {
        keyValues(h, "Monte Carlo simulation", List.of(
                new String[]{"Simulation", s.simulationId().toString()},
                new String[]{"Pass probability", Formats.pct(s.passProbability()) + " (CI "
                        + Formats.pct(s.ciLow()) + " – " + Formats.pct(s.ciHigh()) + ")"},
                new String[]{"Failure split", String.valueOf(s.failureSplit())},
                new String[]{"Completed", Formats.instant(s.completedAt())}));
    }

    private static void keyValues(StringBuilder h, String title, List<String[]> rows) {
        h.append("<h2>").append(esc(title)).append("</h2><table>");
        for (String[] row : rows) {
            h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** A table; {@code statusColumn} (or −1) gets the status as a CSS class, so a breach stands out. */
    private static void table(StringBuilder h, String title, String[] header, List<String[]> rows, int statusColumn) {
        h.append("<h2>").append(esc(title)).append("</h2><table><tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>");
        for (String[] row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                h.append(i == statusColumn ? "<td class=\"" + esc(row[i]) + "\">" : "<td>").append(esc(row[i]))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
