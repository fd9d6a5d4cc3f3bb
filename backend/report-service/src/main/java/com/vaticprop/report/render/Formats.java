package com.vaticprop.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Display formatting shared by the HTML and PDF renderers (the JSON keeps full precision). */
final class Formats {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String money(BigDecimal v) {
        return v == null ? "–" : String.format("%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    static String pct(BigDecimal fraction) {
        return fraction == null ? "–" : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN) + " %";
    }

    static String ratio(BigDecimal v) {
        return v == null ? "–" : v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A count stays an integer (4), an amount gets two decimals and grouping (4,872.91). */
    static String number(BigDecimal v) {
        if (v == null) {
            return "–";
        }
        return v.stripTrailingZeros().scale() <= 0 ? String.format("%,d", v.toBigInteger()) : money(v);
    }

    static String plain(BigDecimal v) {
        return v == null ? "–" : v.stripTrailingZeros().toPlainString();
    }

    static String instant(Instant i) {
        return i == null ? "–" : INSTANT.format(i);
    }

    static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        Duration d = Duration.ofSeconds(seconds);
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h"
                : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    static String text(Object o) {
        return o == null ? "–" : o.toString();
    }
}
