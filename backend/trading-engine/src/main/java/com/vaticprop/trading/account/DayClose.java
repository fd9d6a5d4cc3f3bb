package com.vaticprop.trading.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One closed trading day, as published in {@code assessment.day-closed}.
 *
 * @param dayPnl     close equity − the prior day's close equity (day 1: − initial balance)
 * @param tradingDay whether the day counts towards the minimum trading days
 */
public record DayClose(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                       BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills) {
}
