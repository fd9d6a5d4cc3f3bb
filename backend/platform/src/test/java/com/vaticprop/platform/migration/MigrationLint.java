package com.vaticprop.platform.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The portability rules of ARCHITECTURE.md "Testing" for migration SQL, so that what passes on PostgreSQL also runs on
 * CockroachDB: no advisory locks, no PL/pgSQL (functions, procedures, triggers, DO blocks), no SERIAL types (not
 * sequential there) and no functions that only PostgreSQL 18 has. Comments are ignored, so a migration may explain
 * why it avoids them.
 */
public final class MigrationLint {

    public record Rule(String name, Pattern pattern) {
        static Rule of(String name, String regex) {
            return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    public record Finding(Path file, int line, String rule, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + ": " + text.strip();
        }
    }

    public static final List<Rule> RULES = List.of(
            Rule.of("advisory lock", "\\bpg_(try_)?advisory_\\w*"),
            Rule.of("function", "\\bcreate\\s+(or\\s+replace\\s+)?(function|procedure)\\b"),
            Rule.of("trigger", "\\bcreate\\s+(or\\s+replace\\s+)?(constraint\\s+)?trigger\\b"),
            Rule.of("PL/pgSQL", "\\blanguage\\s+'?plpgsql\\b"),
            Rule.of("DO block", "(?<![\\w$])do\\s+(language\\s+\\w+\\s+)?(\\$[a-z_]*\\$|')"),
            Rule.of("SERIAL", "\\b(small|big)?serial[248]?\\b"),
            Rule.of("PostgreSQL 18 only function",
                    "\\b(uuidv7|uuidv4|casefold|array_sort|array_reverse|crc32c?)\\s*\\("),
            Rule.of("sequence", "\\bcreate\\s+sequence\\b|\\bnextval\\s*\\("),
            Rule.of("identity column", "\\bgenerated\\s+(always|by\\s+default)\\s+as\\s+identity\\b"),
            Rule.of("LISTEN/NOTIFY", "\\b(listen|notify)\\s+\\w"),
            Rule.of("extension", "\\bcreate\\s+extension\\b"),
            Rule.of("UNLOGGED or INHERITS table", "\\b(unlogged\\s+table|inherits\\s*\\()"));

    private MigrationLint() {
    }

    /** The findings of one script's text. */
    public static List<Finding> lint(Path file, String sql) {
        String code = stripComments(sql);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            while (m.find()) {
                int line = lineOf(code, m.start());
                findings.add(new Finding(file, line, rule.name(), sql.lines().skip(line - 1).findFirst().orElse("")));
            }
        }
        return findings;
    }

    public static List<Finding> lint(Path file) {
        try {
            return lint(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code backend/<module>/src/main/resources/db/**}{@code .sql} under the repository root. */
    public static List<Path> migrations(Path repoRoot) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repoRoot.resolve("backend"))) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path db = module.resolve("src/main/resources/db");
                if (Files.isDirectory(db)) {
                    try (Stream<Path> sql = Files.walk(db)) {
                        sql.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Walks up from {@code start} to the directory that holds {@code backend/platform}. */
    public static Path repoRoot(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("backend/platform")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + start.toAbsolutePath());
    }

    /** Blanks out -- and block comments and the insides of string literals, keeping line breaks for line numbers. */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        boolean inString = false;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (inString) {
                // string contents are data, not code: blanked like comments
                out.append(c == '\'' ? c : c == '\n' ? '\n' : ' ');
                if (c == '\'') {
                    inString = false;
                }
                i++;
            } else if (c == '\'') {
                inString = true;
                out.append(c);
                i++;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                int stop = end < 0 ? sql.length() : end + 2;
                for (; i < stop; i++) {
                    out.append(sql.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
