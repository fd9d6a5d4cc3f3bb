package com.vaticprop.core.privacy;

import com.vaticprop.platform.json.VaticJson;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Database rows as the API's JSON conventions want them: column names in camelCase, decimals as strings, instants
 * ISO-8601 UTC, JSON columns as JSON; columns in {@code omit} (hashes, internal engine state) are left out.
 */
final class RowsJson {

    private RowsJson() {
    }

    static List<Map<String, Object>> convert(List<Map<String, Object>> rows, Set<String> omit) {
        return rows.stream().map(r -> convert(r, omit)).toList();
    }

    static Map<String, Object> convert(Map<String, Object> row, Set<String> omit) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!omit.contains(column)) {
                out.put(camel(column), value(value));
            }
        });
        return out;
    }

    private static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.stripTrailingZeros().scale() < 0 ? d.setScale(0).toPlainString()
                    : d.stripTrailingZeros().toPlainString();
            case OffsetDateTime t -> t.toInstant().toString();
            case Timestamp t -> t.toInstant().toString();
            case PGobject o when o.getType().startsWith("json") -> o.getValue() == null ? null
                    : VaticJson.mapper().readTree(o.getValue());
            case PGobject o -> o.getValue();
            default -> value instanceof Number || value instanceof Boolean ? value : value.toString();
        };
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
