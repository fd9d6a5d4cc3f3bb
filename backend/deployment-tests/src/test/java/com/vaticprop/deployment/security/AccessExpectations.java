package com.vaticprop.deployment.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access-control matrix's expected statuses, from {@code security/access-matrix.txt}: one row per operation
 * ({@code service METHOD path}) with the status for each {@link Column}. Rows run top to bottom, so the file also
 * fixes the order in which state-changing cells act (pause before resume, abandon and deletions last).
 */
final class AccessExpectations {

    /** Who calls on whose resource. */
    enum Column {
        /** no token */
        ANONYMOUS,
        /** a trader on a resource of their own */
        OWN,
        /** a trader on another trader's resource */
        FOREIGN,
        /** the admin on a trader's resource */
        ADMIN,
        /** the report-service client's SERVICE token on a trader's resource */
        SERVICE
    }

    record Row(String service, String key, Map<Column, Integer> statuses) {
    }

    private final Map<String, Row> rows;

    private AccessExpectations(Map<String, Row> rows) {
        this.rows = rows;
    }

    static AccessExpectations load(String resource) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = AccessExpectations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                if (f.length != 3 + Column.values().length) {
                    throw new IllegalStateException("bad row in " + resource + ": " + line);
                }
                Map<Column, Integer> statuses = new EnumMap<>(Column.class);
                for (Column c : Column.values()) {
                    statuses.put(c, Integer.parseInt(f[3 + c.ordinal()]));
                }
                String key = f[1] + " " + f[2];
                if (rows.put(f[0] + " " + key, new Row(f[0], key, statuses)) != null) {
                    throw new IllegalStateException("duplicate row in " + resource + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AccessExpectations(rows);
    }

    /** The row of {@code service}'s operation {@code key}, or null. */
    Row row(String service, String key) {
        return rows.get(service + " " + key);
    }

    /** Position of a row in the file (rows without one sort last). */
    int order(String service, String key) {
        return new ArrayList<>(rows.keySet()).indexOf(service + " " + key) & Integer.MAX_VALUE;
    }

    List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** A row as the file writes it, columns aligned. */
    static String format(String service, String key, Map<Column, Integer> statuses) {
        String[] mp = key.split(" ", 2);
        StringBuilder b = new StringBuilder(String.format("%-20s %-7s %-60s", service, mp[0], mp[1]));
        for (Column c : Column.values()) {
            Integer s = statuses.get(c);
            b.append(String.format(" %-9s", s == null ? "?" : s));
        }
        return b.toString().stripTrailing();
    }
}
