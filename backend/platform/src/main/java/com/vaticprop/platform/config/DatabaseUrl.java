package com.vaticprop.platform.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DATABASE_URL in the form the original platform used ({@code postgresql://user:pass@host:port/db?sslmode=…}), turned
 * into JDBC settings. Parsed by hand rather than with {@link java.net.URI} because CockroachDB and PostgreSQL URLs may
 * list several hosts ({@code host1:26257,host2:26257}). Query parameters (sslmode, sslrootcert, options …) pass through
 * to pgjdbc, which understands the same names. The password never appears in {@link #toString()}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password, String database) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl);
    }

    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidConfigurationException("DATABASE_URL", "is empty");
        }
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql://")) {
            return new DatabaseUrl(url, null, null, databaseOf(url.substring("jdbc:postgresql://".length())));
        }
        String rest;
        if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new InvalidConfigurationException("DATABASE_URL",
                    "must start with postgresql:// (or postgres://, jdbc:postgresql://)");
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int hostEnd = slash >= 0 ? slash : (question >= 0 ? question : rest.length());
        String hosts = rest.substring(0, hostEnd);
        if (hosts.isEmpty()) {
            throw new InvalidConfigurationException("DATABASE_URL", "names no host");
        }
        for (String host : hosts.split(",")) {
            validateHost(host);
        }
        String database = "";
        String query = "";
        if (slash >= 0) {
            int dbEnd = question > slash ? question : rest.length();
            database = decode(rest.substring(slash + 1, dbEnd));
        }
        if (question >= 0) {
            query = rest.substring(question + 1);
        }
        if (database.isEmpty()) {
            throw new InvalidConfigurationException("DATABASE_URL", "names no database");
        }
        String jdbc = "jdbc:postgresql://" + hosts + "/" + database + normalizeQuery(query);
        return new DatabaseUrl(jdbc, user, password, database);
    }

    private static int firstOf(String s, char a, char b) {
        int ia = s.indexOf(a);
        int ib = s.indexOf(b);
        if (ia < 0) {
            return ib < 0 ? s.length() : ib;
        }
        return ib < 0 ? ia : Math.min(ia, ib);
    }

    private static void validateHost(String host) {
        String h = host;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                throw new InvalidConfigurationException("DATABASE_URL", "has an unterminated IPv6 host");
            }
            h = h.substring(close + 1);
            if (h.isEmpty()) {
                return;
            }
            if (!h.startsWith(":")) {
                throw new InvalidConfigurationException("DATABASE_URL", "has a malformed host");
            }
            validatePort(h.substring(1));
            return;
        }
        int colon = h.lastIndexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigurationException("DATABASE_URL", "has a malformed host");
        }
        if (colon >= 0) {
            validatePort(h.substring(colon + 1));
        }
    }

    private static void validatePort(String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("DATABASE_URL", "has a port that is not a number in 1-65535");
        }
    }

    private static String normalizeQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (!pair.contains("=")) {
                throw new InvalidConfigurationException("DATABASE_URL", "has a query parameter without a value");
            }
            String key = pair.substring(0, pair.indexOf('='));
            String value = decode(pair.substring(pair.indexOf('=') + 1));
            if (key.equals("sslmode") && !List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
                    .contains(value)) {
                throw new InvalidConfigurationException("DATABASE_URL", "has an unknown sslmode '" + value + "'");
            }
            kept.add(pair);
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private static String databaseOf(String afterScheme) {
        int slash = afterScheme.indexOf('/');
        if (slash < 0) {
            return "";
        }
        int q = afterScheme.indexOf('?', slash);
        return afterScheme.substring(slash + 1, q < 0 ? afterScheme.length() : q);
    }

    /** RFC 3986 percent-decoding: unlike form decoding, a '+' stays a '+' (base64 passwords contain it). */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the offending text, which may be part of the password
            throw new InvalidConfigurationException("DATABASE_URL", "has an invalid %-escape");
        }
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
