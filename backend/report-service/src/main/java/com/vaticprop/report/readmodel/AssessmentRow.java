package com.vaticprop.report.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The read model's row of one assessment. */
public record AssessmentRow(UUID assessmentId, UUID userId, UUID tierId, int tierVersion, String ruleSetJson,
                            BigDecimal initialBalance, String currency, int phase, String status, String result,
                            String reason, BigDecimal finalBalance, BigDecimal finalEquity, UUID violationId,
                            boolean fundedEligible, BigDecimal profitSplitPct, Instant createdAt, Instant startedAt,
                            Instant endedAt, long lastSeq) {

    public boolean finished() {
        return "PASSED".equals(status) || "FAILED".equals(status);
    }
}
