package com.vaticprop.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as developers write them: {@code NAME=value} lines, {@code #} comments, optional
 * {@code export } prefix, optional single or double quotes. Real environment variables always win over it.
 */
public final class DotEnvFile {

    private DotEnvFile() {
    }

    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Map<String, String> parse(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : content.split("\\R")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("export ")) {
                l = l.substring("export ".length()).strip();
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigurationException(".env", "line " + lineNo + " is not NAME=value");
            }
            String name = l.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidConfigurationException(".env", "line " + lineNo + " has an invalid variable name");
            }
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(name, value);
        }
        return values;
    }
}
