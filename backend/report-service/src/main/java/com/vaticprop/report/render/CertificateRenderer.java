package com.vaticprop.report.render;

import com.vaticprop.report.model.AssessmentReport;

import java.awt.Color;
import java.util.List;

/** The one-page pass certificate of an assessment that passed its final phase (or became funded-eligible). */
public final class CertificateRenderer {

    public byte[] render(AssessmentReport r) {
        try (PdfLayout pdf = new PdfLayout()) {
            pdf.title("Certificate of completion", new Color(0x2e, 0x8b, 0x57), "PASSED");
            pdf.paragraph("This certifies that trader " + r.userId() + " passed the Vatic Prop assessment "
                    + r.assessmentId() + " under tier " + r.tierId() + " (version " + r.tierVersion() + ").", 12);
            pdf.table(null, List.of(
                    new String[]{"Phases passed", String.valueOf(r.phases())},
                    new String[]{"Result", r.result() == null ? "funded-eligible" : r.result() + " ("
                            + Formats.text(r.reason()) + ")"},
                    new String[]{"Funded eligible", r.fundedEligible() ? "yes, profit split "
                            + Formats.plain(r.profitSplitPct()) + " %" : "no"},
                    new String[]{"Initial balance", Formats.money(r.initialBalance()) + " " + r.currency()},
                    new String[]{"Final equity", Formats.money(r.finalEquity()) + " " + r.currency()},
                    new String[]{"Net profit", Formats.money(r.metrics().netProfit())},
                    new String[]{"Trading days", String.valueOf(r.tradingDays())},
                    new String[]{"Completed", Formats.instant(r.endedAt())}), new float[]{0.35f, 0.65f}, 11);
            return pdf.finish("Vatic Prop - certificate for assessment " + r.assessmentId() + " - generated "
                    + Formats.instant(r.generatedAt()));
        }
    }
}
