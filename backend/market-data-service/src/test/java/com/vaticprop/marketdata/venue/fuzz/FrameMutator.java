package com.vaticprop.marketdata.venue.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a well-formed venue frame, the kinds of damage a venue, a proxy or a hostile peer can deliver:
 * bit flips, truncation, deleted fields, values of the wrong type, huge and tiny numbers, NaN and infinities,
 * negative prices, hostile unicode, deep nesting and duplicated keys. One to three mutations per frame; the same seed
 * gives the same frames, so a failure can be replayed from its seed and index.
 */
final class FrameMutator {

    /** The mutation kinds, named in failure messages and in the per-kind statistics. */
    enum Kind {
        BIT_FLIP, TRUNCATE, DELETE_FIELD, TYPE_SWAP, HUGE_NUMBER, NAN, NEGATIVE, UNICODE, DEEP_NESTING, DUPLICATE_KEY
    }

    /** Numbers that overflow, underflow or force enormous scales when added or subtracted. */
    private static final List<String> EXTREME_NUMBERS = List.of("1e400", "-1e400", "1E+999999999", "1E-999999999",
            "1E-9999999", "1E-99999999", "1E+99999999", "0.5E-99999999",
            "1e2147483648", "1e-2147483648", "0E-2147483647", "123456789".repeat(60), "-0", "0", "0.000",
            "9223372036854775808", "-9223372036854775809", "1.7976931348623157E309", "4.9E-325", "1e", "1.", ".5",
            "0x10", "00012", "+1");
    private static final List<String> NAN_LIKE = List.of("NaN", "-NaN", "Infinity", "-Infinity", "\"NaN\"",
            "\"Infinity\"", "\"-Infinity\"", "\"nan\"", "\"1e400\"");
    private static final List<String> UNICODE = List.of("\u0000", "\uFEFF", "\u202Ebtcusdt", "\uD83D\uDE80",
            "\u0661\u0662\u0663", "\uFF11\uFF12\uFF13", "e\u0301\u0301\u0301", "\\ud800", "\\udfff\\ud800", "\u2028",
            "BTC\u2010USD", "\u0000\u0000\u0000", "\uFFFF", "ＢＴＣ-ＵＳＤ", "0.5\u0000");
    private static final List<String> TYPE_VALUES = List.of("null", "true", "false", "0", "-1", "\"\"", "\"x\"",
            "[]", "{}", "[null]", "{\"\":\"\"}", "[[[]]]", "\"0.5\"", "0.5", "[\"0.5\",\"1\"]");

    private final Random random;

    FrameMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutated copy of the frame and the kinds applied to it. */
    record Mutated(String frame, List<Kind> kinds) {
    }

    Mutated mutate(String frame) {
        int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        String text = frame;
        List<Kind> kinds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            String next = apply(kind, text);
            if (next != null) {
                text = next;
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            text = truncate(text);
            kinds.add(Kind.TRUNCATE);
        }
        return new Mutated(text, kinds);
    }

    private String apply(Kind kind, String text) {
        return switch (kind) {
            case BIT_FLIP -> bitFlip(text);
            case TRUNCATE -> truncate(text);
            case DEEP_NESTING -> deepNesting(text);
            default -> structural(kind, text);
        };
    }

    private String bitFlip(String text) {
        char[] chars = text.toCharArray();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && chars.length > 0; i++) {
            int at = random.nextInt(chars.length);
            chars[at] = (char) (chars[at] ^ (1 << random.nextInt(8)));
        }
        return new String(chars);
    }

    private String truncate(String text) {
        return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
    }

    private String deepNesting(String text) {
        int depth = List.of(65, 200, 1_000, 10_000, 100_000).get(random.nextInt(5));
        boolean objects = random.nextBoolean();
        String open = objects ? "{\"data\":" : "[";
        String close = objects ? "}" : "]";
        boolean closed = random.nextInt(3) > 0;
        return open.repeat(depth) + text + (closed ? close.repeat(depth) : "");
    }

    /** Mutations that need the document's structure; null when the frame is no longer valid JSON. */
    private String structural(Kind kind, String text) {
        JsonTree tree;
        try {
            tree = JsonTree.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty()) {
            return null;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case DELETE_FIELD -> slot.delete();
            case TYPE_SWAP -> slot.replace(new JsonTree.Raw(pick(TYPE_VALUES)));
            case HUGE_NUMBER -> slot.replace(asStringOrNumber(pick(EXTREME_NUMBERS)));
            case NAN -> slot.replace(new JsonTree.Raw(pick(NAN_LIKE)));
            case NEGATIVE -> slot.replace(negated(slot.get()));
            case UNICODE -> slot.replace(new JsonTree.Raw("\"" + pick(UNICODE) + unquoted(slot.get()) + "\""));
            case DUPLICATE_KEY -> {
                if (!slot.duplicate(new JsonTree.Raw(pick(random.nextBoolean() ? EXTREME_NUMBERS : TYPE_VALUES)))) {
                    return null;
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return JsonTree.write(tree);
    }

    private JsonTree.Raw asStringOrNumber(String number) {
        return new JsonTree.Raw(random.nextBoolean() ? "\"" + number + "\"" : number);
    }

    /** "12.5" → "-12.5", 12.5 → -12.5; other values become a negative price. */
    private JsonTree negated(JsonTree value) {
        if (value instanceof JsonTree.Raw raw && !raw.text().startsWith("-") && !raw.text().startsWith("\"-")) {
            String text = raw.text();
            return new JsonTree.Raw(raw.isString() ? "\"-" + text.substring(1) : "-" + text);
        }
        return new JsonTree.Raw("\"-0.01\"");
    }

    private static String unquoted(JsonTree value) {
        if (value instanceof JsonTree.Raw raw && raw.isString()) {
            return raw.text().substring(1, raw.text().length() - 1);
        }
        return "";
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void collect(JsonTree tree, List<Slot> slots) {
        switch (tree) {
            case JsonTree.Obj obj -> {
                for (int i = 0; i < obj.members().size(); i++) {
                    slots.add(new Slot(obj, null, i));
                    collect(obj.members().get(i).value(), slots);
                }
            }
            case JsonTree.Arr arr -> {
                for (int i = 0; i < arr.items().size(); i++) {
                    slots.add(new Slot(null, arr, i));
                    collect(arr.items().get(i), slots);
                }
            }
            case JsonTree.Raw ignored -> {
            }
        }
    }

    /** A place in the document: a member of an object or an item of an array. */
    private record Slot(JsonTree.Obj obj, JsonTree.Arr arr, int index) {
        JsonTree get() {
            return obj != null ? obj.members().get(index).value() : arr.items().get(index);
        }

        void replace(JsonTree value) {
            if (obj != null) {
                obj.members().set(index, new JsonTree.Member(obj.members().get(index).name(), value));
            } else {
                arr.items().set(index, value);
            }
        }

        void delete() {
            if (obj != null) {
                obj.members().remove(index);
            } else {
                arr.items().remove(index);
            }
        }

        /** Repeats an object member's name with another value, before or after it; false for array items. */
        boolean duplicate(JsonTree value) {
            if (obj == null) {
                return false;
            }
            obj.members().add(index + 1, new JsonTree.Member(obj.members().get(index).name(), value));
            return true;
        }
    }
}
