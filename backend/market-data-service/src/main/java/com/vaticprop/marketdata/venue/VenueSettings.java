package com.vaticprop.marketdata.venue;

import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The connectors' environment variables (README-venues.md lists them). Read by name, so they work as plain
 * environment variables and as properties in tests.
 */
public final class VenueSettings {
    public static final String SOURCES = "MARKET_DATA_SOURCES";

    private final Environment env;

    public VenueSettings(Environment env) {
        this.env = env;
    }

    /** The enabled source names, lower-cased. */
    public static Set<String> sources(Environment env) {
        return new LinkedHashSet<>(list(env.getProperty(SOURCES, "")).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    public String get(String name, String fallback) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public List<String> list(String name, String fallback) {
        return list(get(name, fallback));
    }

    public Duration millis(String name, long fallback) {
        return Duration.ofMillis(Long.parseLong(get(name, Long.toString(fallback))));
    }

    public Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(Long.parseLong(get(name, Long.toString(fallback))));
    }

    /** A required value: a missing one stops start-up with the variable's name. */
    public String required(String name, String why) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalStateException(name + " is required " + why);
        }
        return value;
    }

    /** The Kalshi private key: KALSHI_PRIVATE_KEY (PEM text) or else the file at KALSHI_PRIVATE_KEY_PATH. */
    public String kalshiPrivateKeyPem() {
        String pem = get("KALSHI_PRIVATE_KEY", null);
        if (pem != null) {
            return pem.replace("\\n", "\n");
        }
        String path = required("KALSHI_PRIVATE_KEY_PATH", "(or KALSHI_PRIVATE_KEY) when kalshi is enabled");
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KALSHI_PRIVATE_KEY_PATH " + path, e);
        }
    }

    private static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
