package com.vaticprop.trading.rules;

import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the rules for building explanations; not part of any rule's logic. */
final class Checks {
    private Checks() {
    }

    static String plain(BigDecimal v) {
        if (v == null) {
            return "null";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static Map<String, String> inputs(Object... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof BigDecimal d ? plain(d) : String.valueOf(v));
        }
        return m;
    }

    static BigDecimal money(BigDecimal v) {
        return Money.book(v);
    }
}
