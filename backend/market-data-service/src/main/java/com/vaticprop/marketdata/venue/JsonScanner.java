package com.vaticprop.marketdata.venue;

import java.math.BigDecimal;

/**
 * A strict, allocation-free JSON pull scanner over one frame, for the hottest venue messages (Binance trades,
 * Polymarket price changes). Jackson's streaming parser spends most of a small frame canonicalising property names
 * and copying every string; here a name is compared in place against the few the parser wants, and only the values
 * it keeps become Strings or BigDecimals. It validates the whole grammar (RFC 8259: structure, commas, colons,
 * string escapes, number syntax, literals, nothing after the top value), so a truncated or malformed frame fails
 * with {@link IllegalArgumentException} exactly where Jackson would. Not thread-safe; reuse one per parser.
 */
public final class JsonScanner {

    /** What {@link #next()} found. */
    public enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, NAME, STRING, NUMBER, TRUE, FALSE, NULL, END }

    private static final int VALUE = 0;
    private static final int AFTER_VALUE = 1;
    private static final int NAME_OR_END_OBJECT = 2;
    private static final int VALUE_OR_END_ARRAY = 3;
    private static final int NAME = 4;
    private static final int MAX_DEPTH = 64;

    private final boolean[] objectAt = new boolean[MAX_DEPTH];
    /** The frame's characters: one bulk copy, then tight loops over an array instead of String.charAt. */
    private char[] buf = new char[1024];
    /** The frame itself: kept values are substrings of it (a Latin-1 copy, no re-compression of chars). */
    private String text;
    private int pos;
    private int length;
    private int depth;
    private int state;
    private int start;
    private int end;
    private boolean escaped;
    private Token token;

    /** Starts scanning a new frame. */
    public JsonScanner reset(String frame) {
        length = frame.length();
        if (buf.length < length) {
            buf = new char[Math.max(length, buf.length * 2)];
        }
        frame.getChars(0, length, buf, 0);
        text = frame;
        pos = 0;
        depth = 0;
        state = VALUE;
        token = null;
        return this;
    }

    public Token token() {
        return token;
    }

    public int depth() {
        return depth;
    }

    public Token next() {
        skipWhitespace();
        switch (state) {
            case AFTER_VALUE -> {
                if (depth == 0) {
                    if (pos != length) {
                        throw error("content after the top-level value");
                    }
                    return token = Token.END;
                }
                char c = current();
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                    return objectAt[depth - 1] ? name() : value();
                }
                return close(c);
            }
            case NAME_OR_END_OBJECT -> {
                return current() == '}' ? close('}') : name();
            }
            case VALUE_OR_END_ARRAY -> {
                return current() == ']' ? close(']') : value();
            }
            case NAME -> {
                return name();
            }
            default -> {
                return value();
            }
        }
    }

    /** After a START token, skips to its matching END; after any other token, does nothing. */
    public void skipChildren() {
        if (token != Token.START_OBJECT && token != Token.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (true) {
            Token t = next();
            if ((t == Token.END_OBJECT || t == Token.END_ARRAY) && depth == target) {
                return;
            }
        }
    }

    /** Whether the current NAME or STRING is exactly {@code literal}. */
    public boolean is(String literal) {
        int n = end - start;
        if (escaped || n != literal.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[start + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The current STRING/NAME (unescaped), NUMBER or literal as text. */
    public String string() {
        return switch (token) {
            case NULL -> null;
            case STRING, NAME -> escaped ? unescape() : text.substring(start, end);
            default -> text.substring(start, end);
        };
    }

    /** The current STRING or NUMBER as an exact decimal, without an intermediate String. */
    public BigDecimal decimal() {
        if (token == Token.NULL) {
            return null;
        }
        if (escaped) {
            return VenueDecimal.parse(unescape());
        }
        return VenueDecimal.parse(buf, start, end - start);
    }

    /** The current NUMBER or numeric STRING as a long. */
    public long longValue() {
        if (escaped) {
            return Long.parseLong(unescape());
        }
        return Long.parseLong(text, start, end, 10);
    }

    private Token name() {
        if (current() != '"') {
            throw error("property name expected");
        }
        scanString();
        skipWhitespace();
        if (current() != ':') {
            throw error("':' expected");
        }
        pos++;
        state = VALUE;
        return token = Token.NAME;
    }

    private Token value() {
        char c = current();
        switch (c) {
            case '{' -> {
                push(true);
                state = NAME_OR_END_OBJECT;
                return token = Token.START_OBJECT;
            }
            case '[' -> {
                push(false);
                state = VALUE_OR_END_ARRAY;
                return token = Token.START_ARRAY;
            }
            case '"' -> {
                scanString();
                state = AFTER_VALUE;
                return token = Token.STRING;
            }
            case 't' -> {
                return literal("true", Token.TRUE);
            }
            case 'f' -> {
                return literal("false", Token.FALSE);
            }
            case 'n' -> {
                return literal("null", Token.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    scanNumber();
                    state = AFTER_VALUE;
                    return token = Token.NUMBER;
                }
                throw error("value expected");
            }
        }
    }

    private Token close(char c) {
        boolean inObject = objectAt[depth - 1];
        if (c == '}' && inObject || c == ']' && !inObject) {
            pos++;
            depth--;
            state = AFTER_VALUE;
            return token = inObject ? Token.END_OBJECT : Token.END_ARRAY;
        }
        throw error("',' or '" + (inObject ? '}' : ']') + "' expected");
    }

    private void push(boolean object) {
        if (depth == MAX_DEPTH) {
            throw error("nested too deeply");
        }
        objectAt[depth++] = object;
        pos++;
    }

    private Token literal(String word, Token kind) {
        if (pos + word.length() > length) {
            throw error("bad literal");
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw error("bad literal");
            }
        }
        start = pos;
        pos += word.length();
        end = pos;
        escaped = false;
        state = AFTER_VALUE;
        return token = kind;
    }

    private void scanString() {
        char[] b = buf;
        int i = pos + 1;
        boolean esc = false;
        while (true) {
            if (i >= length) {
                throw error("unterminated string");
            }
            char c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                esc = true;
                i = escapeEnd(i);
                continue;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            i++;
        }
        start = pos + 1;
        end = i;
        escaped = esc;
        pos = i + 1;
    }

    /** Validates the escape at {@code i} (a backslash) and returns the index after it. */
    private int escapeEnd(int i) {
        if (i + 1 >= length) {
            throw error("unterminated string");
        }
        char e = buf[i + 1];
        if (e == 'u') {
            if (i + 5 >= length) {
                throw error("unterminated string");
            }
            for (int k = i + 2; k < i + 6; k++) {
                if (Character.digit(buf[k], 16) < 0) {
                    throw error("bad \\u escape");
                }
            }
            return i + 6;
        }
        if ("\"\\/bfnrt".indexOf(e) < 0) {
            throw error("bad escape");
        }
        return i + 2;
    }

    private void scanNumber() {
        int i = pos;
        if (buf[i] == '-') {
            i++;
        }
        if (i >= length) {
            throw error("truncated number");
        }
        if (buf[i] == '0') {
            i++;
        } else {
            i = digitsFrom(i);
        }
        if (i < length && buf[i] == '.') {
            i = digitsFrom(i + 1);
        }
        if (i < length && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            if (i < length && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            i = digitsFrom(i);
        }
        start = pos;
        end = i;
        escaped = false;
        pos = i;
    }

    /** At least one digit from {@code i}; returns the index after the last. */
    private int digitsFrom(int i) {
        int j = i;
        while (j < length && buf[j] >= '0' && buf[j] <= '9') {
            j++;
        }
        if (j == i) {
            throw error("digit expected");
        }
        return j;
    }

    private String unescape() {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = buf[i];
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = buf[++i];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(buf, i + 1, 4), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private char current() {
        if (pos >= length) {
            throw error("unexpected end of frame");
        }
        return buf[pos];
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at " + pos + ": " + what);
    }
}
