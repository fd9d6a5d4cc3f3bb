package com.vaticprop.report.api;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.report.build.ReportBuilder;
import com.vaticprop.report.charts.ChartImages;
import com.vaticprop.report.charts.ReportCharts;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.readmodel.AssessmentRow;
import com.vaticprop.report.readmodel.ReportKind;
import com.vaticprop.report.readmodel.ReportQueue;
import com.vaticprop.report.readmodel.ReportRepository;
import com.vaticprop.report.render.ReportDocuments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Assessment reports (README.md beside the pom). A finished assessment's report is served from storage (generated
 * when {@code assessment.completed} arrived); while it is still being generated, or for an assessment that has not
 * finished, the report is built on the spot — the latter marked {@code interim}. Unknown and foreign assessments are
 * both 404, so a trader cannot probe for other traders' ids.
 */
@RestController
@Tag(name = "reports")
public class ReportController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportRepository repository;
    private final ReportQueue queue;
    private final ReportBuilder builder;
    private final ReportDocuments documents;
    private final Transactions transactions;

    public ReportController(ReportRepository repository, ReportQueue queue, ReportBuilder builder,
                            ReportDocuments documents, Transactions transactions) {
        this.repository = repository;
        this.queue = queue;
        this.builder = builder;
        this.documents = documents;
        this.transactions = transactions;
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "The report as JSON (stored for finished assessments, interim otherwise)")
    public ResponseEntity<byte[]> json(@PathVariable String id, Authentication auth) {
        return serve(id, auth, "json", MediaType.APPLICATION_JSON, documents::json);
    }

    @GetMapping("/reports/{id}.html")
    @Operation(summary = "The report as one self-contained HTML page (charts inline as SVG)")
    public ResponseEntity<byte[]> html(@PathVariable String id, Authentication auth) {
        return serve(id, auth, "html", HTML, documents::html);
    }

    @GetMapping("/reports/{id}.pdf")
    @Operation(summary = "The report as a multi-page PDF with charts, page numbers and generated-at")
    public ResponseEntity<byte[]> pdf(@PathVariable String id, Authentication auth) {
        return serve(id, auth, "pdf", PDF, documents::pdf);
    }

    @GetMapping("/reports/{id}/certificate.pdf")
    @Operation(summary = "The pass certificate (404 unless the assessment passed or is funded-eligible)")
    public ResponseEntity<byte[]> certificate(@PathVariable String id, Authentication auth) {
        AssessmentRow a = visible(id, auth);
        if (!a.fundedEligible() && !"PASSED".equals(a.result())) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                    "This assessment has no certificate: it has not passed.");
        }
        byte[] pdf = queue.document(a.assessmentId(), ReportKind.CERTIFICATE, "pdf")
                .orElseGet(() -> documents.certificate(build(a)));
        return ok(pdf, PDF, a.assessmentId() + "-certificate.pdf");
    }

    @GetMapping("/reports/{id}/charts/{chart}.{format}")
    @Operation(summary = "One chart as PNG or SVG: equity, underwater, daily-pnl, round-trips, fan")
    public ResponseEntity<byte[]> chart(@PathVariable String id, @PathVariable String chart,
                                        @PathVariable String format, Authentication auth) {
        if (!format.equals("png") && !format.equals("svg")) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "Charts are .png or .svg.");
        }
        AssessmentReport r = build(visible(id, auth));
        ReportCharts.NamedChart c = ReportCharts.of(r).stream().filter(n -> n.name().equals(chart)).findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                        "No chart named " + chart + " in this report."));
        return format.equals("png")
                ? ok(ChartImages.png(c.chart(), 1000, 420), MediaType.IMAGE_PNG, null)
                : ok(ChartImages.svg(c.chart(), 1000, 420).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new MediaType("image", "svg+xml"), null);
    }

    @GetMapping("/reports/{id}/status")
    @Operation(summary = "Generation status of the stored report and certificate")
    public Map<String, Object> status(@PathVariable String id, Authentication auth) {
        AssessmentRow a = visible(id, auth);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assessmentId", a.assessmentId());
        out.put("assessmentStatus", a.status());
        out.put("lastSeq", a.lastSeq());
        List<ReportQueue.State> states = queue.states(a.assessmentId());
        for (ReportKind kind : ReportKind.values()) {
            Optional<ReportQueue.State> s = states.stream().filter(x -> x.kind() == kind).findFirst();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("status", s.map(ReportQueue.State::status).orElse(kind == ReportKind.FINAL && !a.finished()
                    ? "NOT_FINISHED" : "NONE"));
            s.ifPresent(x -> {
                v.put("asOfSeq", x.asOfSeq());
                v.put("requestedAt", x.requestedAt());
                if (x.generatedAt() != null) {
                    v.put("generatedAt", x.generatedAt());
                }
                if (x.error() != null) {
                    v.put("error", x.error());
                }
            });
            out.put(kind == ReportKind.FINAL ? "report" : "certificate", v);
        }
        out.put("interimAvailable", !a.finished());
        return out;
    }

    private ResponseEntity<byte[]> serve(String id, Authentication auth, String format, MediaType type,
                                         Function<AssessmentReport, byte[]> render) {
        AssessmentRow a = visible(id, auth);
        byte[] body = a.finished()
                ? queue.document(a.assessmentId(), ReportKind.FINAL, format).orElseGet(() -> render.apply(build(a)))
                : render.apply(build(a));
        return ok(body, type, format.equals("json") ? null : a.assessmentId() + "." + format);
    }

    private AssessmentReport build(AssessmentRow a) {
        return transactions.inTransaction(() -> builder.build(a));
    }

    private AssessmentRow visible(String id, Authentication auth) {
        UUID assessmentId;
        try {
            assessmentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-id", "The assessment id is not a UUID.");
        }
        Reader reader = Reader.of(auth);
        return repository.assessment(assessmentId).filter(a -> reader.maySee(a.userId()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                        "No such assessment."));
    }

    private static ResponseEntity<byte[]> ok(byte[] body, MediaType type, String filename) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore());
        if (filename != null) {
            b.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
        }
        return b.body(body);
    }
}
