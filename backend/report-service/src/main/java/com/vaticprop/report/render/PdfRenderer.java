package com.vaticprop.report.render;

import com.vaticprop.report.charts.ChartImages;
import com.vaticprop.report.charts.ReportCharts;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.model.Breach;
import com.vaticprop.report.model.SimulationSection;

import java.awt.Color;
import java.util.List;

/**
 * The report as a multi-page A4 PDF: summary (trader, tier, status, generated-at), rule outcomes, the breach with its
 * evidence, performance figures, every chart as an embedded image, and the day table; page numbers and the
 * generated-at stamp in every footer; an INTERIM badge when the assessment has not finished.
 */
public final class PdfRenderer {

    /** Chart raster size: 2× the drawn size in points, so the images stay sharp when printed. */
    static final int CHART_PX_WIDTH = 1030;
    static final int CHART_PX_HEIGHT = 440;

    public byte[] render(AssessmentReport r) {
        return render(r, ReportCharts.of(r));
    }

    byte[] render(AssessmentReport r, List<ReportCharts.NamedChart> charts) {
        try (PdfLayout pdf = new PdfLayout()) {
            Color badge = r.interim() ? new Color(0xe0, 0x8a, 0x00)
                    : "PASSED".equals(r.result()) ? new Color(0x2e, 0x8b, 0x57) : new Color(0xc0, 0x39, 0x2b);
            pdf.title(ReportSections.title(r), badge, r.interim() ? "INTERIM" : r.result());
            for (String note : r.notes()) {
                pdf.paragraph(note, 9);
            }
            pdf.heading("Summary");
            pdf.table(null, ReportSections.summary(r), new float[]{0.3f, 0.7f}, 9);
            pdf.heading("Rules");
            pdf.table(ReportSections.ruleHeader(), ReportSections.rules(r),
                    new float[]{0.14f, 0.3f, 0.1f, 0.12f, 0.1f, 0.1f, 0.14f}, 7.5f);
            if (r.breach() != null) {
                pdf.heading("Breach: the rule engine's explanation and the quote that caused it");
                pdf.table(null, ReportSections.breach(r.breach()), new float[]{0.3f, 0.7f}, 8);
            }
            for (Breach v : r.voidedBreaches()) {
                pdf.heading("Voided breach " + v.violationId());
                pdf.table(null, ReportSections.breach(v), new float[]{0.3f, 0.7f}, 8);
            }
            pdf.heading("Performance");
            pdf.table(null, ReportSections.metrics(r.metrics()), new float[]{0.45f, 0.55f}, 9);
            pdf.paragraph("Convention: " + r.metrics().convention(), 8);
            if (!r.metrics().perInstrument().isEmpty()) {
                pdf.heading("Per instrument");
                pdf.table(ReportSections.instrumentHeader(), ReportSections.instruments(r.metrics()),
                        new float[]{0.3f, 0.14f, 0.18f, 0.12f, 0.12f, 0.14f}, 8);
            }
            if (r.simulation() != null) {
                SimulationSection s = r.simulation();
                pdf.heading("Monte Carlo simulation");
                pdf.table(null, List.of(new String[]{"Pass probability", Formats.pct(s.passProbability()) + " (CI "
                                + Formats.pct(s.ciLow()) + " - " + Formats.pct(s.ciHigh()) + ")"},
                        new String[]{"Failure split", String.valueOf(s.failureSplit())},
                        new String[]{"Completed", Formats.instant(s.completedAt())}), new float[]{0.3f, 0.7f}, 9);
            }
            pdf.newPage();
            float w = pdf.width();
            float h = w * CHART_PX_HEIGHT / CHART_PX_WIDTH;
            for (ReportCharts.NamedChart c : charts) {
                pdf.ensure(h + 30);
                pdf.heading(c.title());
                pdf.image(ChartImages.image(c.chart(), CHART_PX_WIDTH, CHART_PX_HEIGHT), w, h);
            }
            if (!r.days().isEmpty()) {
                pdf.newPage();
                pdf.heading("Days");
                pdf.table(ReportSections.dayHeader(), ReportSections.days(r),
                        new float[]{0.13f, 0.16f, 0.14f, 0.16f, 0.15f, 0.15f, 0.11f}, 8);
            }
            return pdf.finish("Vatic Prop - assessment " + r.assessmentId() + " - " + (r.interim() ? "INTERIM - "
                    : "") + "generated " + Formats.instant(r.generatedAt()));
        }
    }
}
