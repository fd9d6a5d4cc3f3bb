package com.vaticprop.report.render;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.report.build.ReportBuilder;
import com.vaticprop.report.model.AssessmentReport;
import com.vaticprop.report.readmodel.AssessmentRow;
import com.vaticprop.report.readmodel.ReportKind;
import com.vaticprop.report.readmodel.ReportQueue;
import com.vaticprop.report.readmodel.ReportRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Generates the stored reports requested in {@link ReportQueue} (a periodic task): builds the report from the read
 * model in one read transaction, renders every format outside it, and stores them unless a newer request arrived
 * meanwhile (then the next round builds again). A failure is recorded on the row (status FAILED, visible at
 * {@code /reports/{id}/status}) and retried when the next event of the assessment re-requests it.
 */
public final class ReportGenerator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerator.class);

    private final ReportQueue queue;
    private final ReportRepository repository;
    private final ReportBuilder builder;
    private final ReportDocuments documents;
    private final Transactions transactions;
    private final Timer timer;

    public ReportGenerator(ReportQueue queue, ReportRepository repository, ReportBuilder builder,
                           ReportDocuments documents, Transactions transactions, MeterRegistry meters) {
        this.queue = queue;
        this.repository = repository;
        this.builder = builder;
        this.documents = documents;
        this.transactions = transactions;
        this.timer = Timer.builder("report.generation").description("building and rendering one stored report")
                .register(meters);
    }

    @Override
    public void run() {
        for (ReportQueue.Pending p : transactions.inTransaction(() -> queue.pending(20))) {
            try {
                timer.record(() -> generate(p));
            } catch (RuntimeException e) {
                log.warn("report {} {} failed: {}", p.assessmentId(), p.kind(), e.toString(), e);
                transactions.run(() -> queue.fail(p, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private void generate(ReportQueue.Pending p) {
        Optional<AssessmentReport> built = transactions.inTransaction(() ->
                repository.assessment(p.assessmentId()).map(this::buildFor));
        if (built.isEmpty()) {
            transactions.run(() -> queue.fail(p, "assessment not in the read model"));
            return;
        }
        AssessmentReport r = built.get();
        if (p.kind() == ReportKind.CERTIFICATE) {
            byte[] pdf = documents.certificate(r);
            transactions.run(() -> queue.complete(p, null, null, pdf));
            return;
        }
        ReportDocuments.Documents d = documents.all(r);
        transactions.run(() -> queue.complete(p, d.json(), d.html(), d.pdf()));
    }

    private AssessmentReport buildFor(AssessmentRow a) {
        return builder.build(a);
    }
}
