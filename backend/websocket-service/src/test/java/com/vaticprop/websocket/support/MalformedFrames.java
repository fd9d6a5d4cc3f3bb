package com.vaticprop.websocket.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seeded malformed client frames for the WebSocket protocol, each with the answer the README documents for it:
 * invalid JSON, non-objects, missing or mistyped {@code op}, unknown ops, wrongly typed fields, unknown channels,
 * bad {@code since} values, deep nesting, hostile unicode, duplicated keys, binary frames (→ error 4000), subscribes
 * to a foreign or nonexistent assessment (→ 4003), and frames over the size caps (→ close 1009). Every generated
 * frame is unambiguous: whatever a JSON reader does with a duplicated key, the documented answer is the same.
 */
public final class MalformedFrames {

    /** What the service must answer. */
    public enum Expect { ERROR_4000, ERROR_4003, CLOSE_1009 }

    /** One frame: text or binary, and its documented answer. */
    public record Probe(String category, String text, byte[] binary, Expect expect) {
        public String describe() {
            String body = text != null ? text : "<binary " + binary.length + " bytes>";
            return category + " → " + expect + " :: " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }
    }

    private static final List<String> NOT_OBJECTS = List.of("[]", "\"op\"", "42", "null", "true", "[{\"op\":\"ping\"}]",
            "\"{\\\"op\\\":\\\"ping\\\"}\"", "-0", "1e400", "[null,{}]");
    private static final List<String> NO_OP = List.of("{}", "{\"op\":1}", "{\"op\":null}", "{\"op\":[\"ping\"]}",
            "{\"op\":{\"op\":\"ping\"}}", "{\"OP\":\"ping\"}", "{\"channel\":\"market:BTC-USD\"}", "{\"op\":true}",
            "{\"op \":\"ping\"}", "{\"\\u006fp\\u0000\":\"ping\"}");
    private static final List<String> UNKNOWN_OPS = List.of("Ping", "PING", "subscribe ", " ping", "p\u0131ng",
            "sub\\u0000scribe", "\uD83D\uDE80", "unsubscribe_all", "auth2", "", "\\ud800", "ping\\udfff", "\u202Eping",
            "ｐｉｎｇ", "subscribe\u200B", "null", "pong", "event", "error", "subscribed");
    private static final List<String> BAD_TYPES = List.of("1", "[]", "{}", "null", "true", "[\"market:BTC-USD\"]",
            "{\"channel\":\"market:BTC-USD\"}", "1.5", "-1");
    private static final List<String> BAD_SINCE = List.of("\"-1\"", "\"abc\"", "\"1e3\"", "\"\"", "\" 1\"", "\"+1\"",
            "\"9999999999999999999\"", "\"99999999999999999999\"", "\"\u0661\u0662\"", "\"\uFF11\"", "1.5", "true",
            "{}", "[]", "[\"1\"]", "1e400", "-5", "123456789012345678901234567890", "\"0x10\"", "\"1.0\"");
    private static final List<String> BAD_CHANNELS = List.of("assessment:not-a-uuid", "assessment:", "market:",
            "market:BTC USD", "foo:bar", "ASSESSMENT:%s", "assessment:%s ", " assessment:%s", "market:ＢＴＣ-USD",
            "market:" + "X".repeat(129), "assessment:%s\\u0000", "market:BTC-USD\\n", "assessment:{%s}",
            "assessment:%s:extra", "market:\uD83D\uDE80", "assessments:%s", "weather:today", "");

    private final Random random;
    private final UUID foreign;
    private final int maxTextBytes;
    private final int maxBinaryBytes;

    /**
     * @param foreign        an assessment that exists and belongs to someone else
     * @param maxTextBytes   the service's {@code max-message-bytes}
     * @param maxBinaryBytes the binary buffer Tomcat is given
     */
    public MalformedFrames(long seed, UUID foreign, int maxTextBytes, int maxBinaryBytes) {
        this.random = new Random(seed);
        this.foreign = foreign;
        this.maxTextBytes = maxTextBytes;
        this.maxBinaryBytes = maxBinaryBytes;
    }

    /** A frame that is answered without closing the connection. */
    public Probe answered() {
        List<Function<Random, Probe>> kinds = List.of(this::truncated, this::notObject, this::noOp, this::unknownOp,
                this::wrongType, this::badChannel, this::badSince, this::deepNesting, this::duplicateKeys,
                this::foreignSubscribe, this::binary);
        return kinds.get(random.nextInt(kinds.size())).apply(random);
    }

    /** A frame over the cap: text above {@code max-message-bytes} or binary above its buffer. */
    public Probe oversized() {
        if (random.nextBoolean()) {
            int size = maxTextBytes + 1 + random.nextInt(64 * 1024);
            return new Probe("oversized-text", "{\"op\":\"ping\",\"pad\":\"" + "x".repeat(size) + "\"}", null,
                    Expect.CLOSE_1009);
        }
        byte[] bytes = new byte[maxBinaryBytes + 1 + random.nextInt(8 * 1024)];
        random.nextBytes(bytes);
        return new Probe("oversized-binary", null, bytes, Expect.CLOSE_1009);
    }

    private Probe truncated(Random r) {
        String whole = pick(r, List.of("{\"op\":\"ping\"}", "{\"op\":\"subscribe\",\"channel\":\"assessment:" + foreign
                + "\",\"since\":\"3\"}", "{\"op\":\"unsubscribe\",\"channel\":\"market:BTC-USD\"}",
                "{\"op\":\"auth\",\"token\":\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\"}"));
        String cut = whole.substring(0, r.nextInt(whole.length()));
        return text("invalid-json", r.nextInt(4) == 0 ? cut + "\u0000" : cut);
    }

    private Probe notObject(Random r) {
        return text("not-an-object", pick(r, NOT_OBJECTS));
    }

    private Probe noOp(Random r) {
        return text("missing-op", pick(r, NO_OP));
    }

    private Probe unknownOp(Random r) {
        return text("unknown-op", "{\"op\":\"" + pick(r, UNKNOWN_OPS) + "\",\"channel\":\"market:BTC-USD\"}");
    }

    private Probe wrongType(Random r) {
        String value = pick(r, BAD_TYPES);
        return text("wrong-type", switch (r.nextInt(4)) {
            case 0 -> "{\"op\":\"subscribe\",\"channel\":" + value + "}";
            case 1 -> "{\"op\":\"unsubscribe\",\"channel\":" + value + "}";
            case 2 -> "{\"op\":\"auth\",\"token\":" + value + "}";
            default -> "{\"op\":\"subscribe\"}";
        });
    }

    private Probe badChannel(Random r) {
        String channel = pick(r, BAD_CHANNELS).replace("%s", foreign.toString());
        return text("unknown-channel", "{\"op\":\"subscribe\",\"channel\":\"" + channel + "\"}");
    }

    /** The since check comes before the ownership check, so even a foreign channel answers 4000. */
    private Probe badSince(Random r) {
        String channel = r.nextBoolean() ? "assessment:" + foreign : "market:BTC-USD";
        return text("bad-since", "{\"op\":\"subscribe\",\"channel\":\"" + channel + "\",\"since\":" + pick(r, BAD_SINCE)
                + "}");
    }

    private Probe deepNesting(Random r) {
        int depth = 1 + r.nextInt((maxTextBytes - 40) / 2);
        String nested = "[".repeat(depth) + (r.nextBoolean() ? "]".repeat(depth) : "");
        return text("deep-nesting", switch (r.nextInt(3)) {
            case 0 -> "{\"op\":\"subscribe\",\"channel\":" + nested + "}";
            case 1 -> nested;
            default -> "{\"op\":" + "{\"op\":".repeat(Math.min(depth, (maxTextBytes - 20) / 6)) + "\"ping\"";
        });
    }

    private Probe duplicateKeys(Random r) {
        if (r.nextBoolean()) {
            return text("duplicate-keys", "{\"op\":\"nope\",\"op\":\"" + pick(r, UNKNOWN_OPS) + "\"}");
        }
        return new Probe("duplicate-keys", "{\"op\":\"subscribe\",\"channel\":\"assessment:" + foreign
                + "\",\"channel\":\"assessment:" + UUID.randomUUID() + "\"}", null, Expect.ERROR_4003);
    }

    private Probe foreignSubscribe(Random r) {
        UUID target = r.nextBoolean() ? foreign : new UUID(r.nextLong(), r.nextLong());
        String since = r.nextBoolean() ? "" : ",\"since\":\"" + r.nextInt(1000) + "\"";
        return new Probe("foreign-assessment", "{\"op\":\"subscribe\",\"channel\":\"assessment:" + target + "\""
                + since + "}", null, Expect.ERROR_4003);
    }

    private Probe binary(Random r) {
        byte[] bytes = r.nextBoolean() ? "{\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8)
                : new byte[1 + r.nextInt(maxBinaryBytes)];
        if (bytes.length > 13) {
            r.nextBytes(bytes);
        }
        return new Probe("binary", null, bytes, Expect.ERROR_4000);
    }

    private static Probe text(String category, String text) {
        return new Probe(category, text, null, Expect.ERROR_4000);
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
