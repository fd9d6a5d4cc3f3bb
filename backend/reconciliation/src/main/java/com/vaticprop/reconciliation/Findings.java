package com.vaticprop.reconciliation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one reconciliation pass found, plus the counts it compared (so a clean result shows it looked at something). */
public final class Findings {

    private final List<Finding> found = new ArrayList<>();
    private final Map<String, Long> compared = new java.util.LinkedHashMap<>();

    public void add(Finding.Kind kind, String where, String item, String detail) {
        found.add(new Finding(kind, where, item, detail));
    }

    /** Records how many items of a kind were compared ("trades", "kafka events"…). */
    public void counted(String what, long n) {
        compared.merge(what, n, Long::sum);
    }

    public List<Finding> all() {
        return Collections.unmodifiableList(found);
    }

    public boolean clean() {
        return found.isEmpty();
    }

    public Map<String, Long> compared() {
        return Collections.unmodifiableMap(compared);
    }

    public Map<Finding.Kind, Long> byKind() {
        Map<Finding.Kind, Long> counts = new EnumMap<>(Finding.Kind.class);
        for (Finding.Kind k : Finding.Kind.values()) {
            counts.put(k, 0L);
        }
        found.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        return counts;
    }

    /** The report: every finding (up to {@code limit} per kind, the rest counted), then one RESULT line. */
    public void print(PrintStream out, int limit) {
        out.println("compared: " + compared);
        Map<Finding.Kind, Long> counts = byKind();
        for (Finding.Kind k : Finding.Kind.values()) {
            List<Finding> ofKind = found.stream().filter(f -> f.kind() == k).toList();
            ofKind.stream().limit(limit).forEach(out::println);
            if (ofKind.size() > limit) {
                out.println(k + " … and " + (ofKind.size() - limit) + " more");
            }
        }
        StringBuilder result = new StringBuilder("RESULT ").append(clean() ? "CLEAN" : "DISCREPANCIES");
        counts.forEach((k, n) -> result.append(' ').append(k.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(n));
        compared.forEach((what, n) -> result.append(' ').append(what.replace(' ', '_')).append('=').append(n));
        out.println(result);
    }
}
