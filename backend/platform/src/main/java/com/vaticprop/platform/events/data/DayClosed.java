package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One calendar day of an assessment, in its rule set's day-boundary zone. */
public record DayClosed(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                        BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills)
        implements EventData {
}
