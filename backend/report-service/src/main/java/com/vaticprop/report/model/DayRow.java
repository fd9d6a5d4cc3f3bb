package com.vaticprop.report.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One closed day of the current phase with the two loss floors that applied during it (null when the tier has no
 * such rule), for the equity chart and the day table.
 */
public record DayRow(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                     BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills,
                     BigDecimal dailyLossFloor, BigDecimal maxLossFloor) {
}
