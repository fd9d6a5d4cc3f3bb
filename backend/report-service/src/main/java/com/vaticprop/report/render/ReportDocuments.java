package com.vaticprop.report.render;

import com.vaticprop.report.charts.ReportCharts;
import com.vaticprop.report.model.AssessmentReport;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders one report into all of its formats, building the charts once for both the HTML (SVG) and the PDF
 * (raster). The JSON is the report model itself, written with the platform's JSON settings (decimals as strings).
 */
public final class ReportDocuments {

    public record Documents(byte[] json, byte[] html, byte[] pdf) {
    }

    private final JsonMapper json;
    private final HtmlRenderer html = new HtmlRenderer();
    private final PdfRenderer pdf = new PdfRenderer();
    private final CertificateRenderer certificate = new CertificateRenderer();

    public ReportDocuments(JsonMapper json) {
        this.json = json;
    }

    public Documents all(AssessmentReport r) {
        List<ReportCharts.NamedChart> charts = ReportCharts.of(r);
        return new Documents(json(r), html.render(r, charts).getBytes(StandardCharsets.UTF_8), pdf.render(r, charts));
    }

    public byte[] json(AssessmentReport r) {
        return json.writeValueAsBytes(r);
    }

    public byte[] html(AssessmentReport r) {
        return html.render(r);
    }

    public byte[] pdf(AssessmentReport r) {
        return pdf.render(r);
    }

    public byte[] certificate(AssessmentReport r) {
        return certificate.render(r);
    }
}
