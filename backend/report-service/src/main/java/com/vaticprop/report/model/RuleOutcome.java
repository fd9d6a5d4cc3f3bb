package com.vaticprop.report.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rule of the tier: its limit in words and as a number, the worst value the trader reached against it and on
 * which day, and how it ended. {@code status}: OK (never touched), BREACHED (a non-voided violation), MET / NOT_MET
 * (pass conditions), or NOT_MEASURED (the history has no day to measure it on yet).
 */
public record RuleOutcome(String rule, String kind, String limit, BigDecimal limitValue, BigDecimal worstValue,
                          LocalDate worstOn, BigDecimal worstDistance, String status, String note) {
}
