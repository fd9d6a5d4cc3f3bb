package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One closed calendar day (assessment.day-closed): its closing equity and P&L. */
public record DayResult(LocalDate day, BigDecimal closeEquity, BigDecimal dayPnl) {
}
