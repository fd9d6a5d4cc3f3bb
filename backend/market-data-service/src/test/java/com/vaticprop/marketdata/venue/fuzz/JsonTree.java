package com.vaticprop.marketdata.venue.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a mutable tree that can hold what Jackson's own tree cannot write: duplicated keys, bare
 * {@code NaN}, numbers of any length. Values are kept as raw wire text, so a mutation can put anything anywhere and
 * {@link #write} emits it byte for byte.
 */
sealed interface JsonTree permits JsonTree.Obj, JsonTree.Arr, JsonTree.Raw {

    JsonMapper MAPPER = JsonMapper.builder().build();

    /** An object; members keep their order and may repeat a name. */
    record Obj(List<Member> members) implements JsonTree {
    }

    record Member(String name, JsonTree value) {
    }

    record Arr(List<JsonTree> items) implements JsonTree {
    }

    /** A scalar as it appears on the wire ({@code "text"}, {@code 12.5}, {@code true}, or anything invalid). */
    record Raw(String text) implements JsonTree {
        boolean isString() {
            return text.startsWith("\"");
        }
    }

    static JsonTree parse(String json) {
        return of(MAPPER.readTree(json));
    }

    private static JsonTree of(JsonNode node) {
        if (node.isObject()) {
            List<Member> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                members.add(new Member(e.getKey(), of(e.getValue())));
            }
            return new Obj(members);
        }
        if (node.isArray()) {
            List<JsonTree> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return new Arr(items);
        }
        return new Raw(node.toString());
    }

    static String quote(String s) {
        return MAPPER.writeValueAsString(s);
    }

    static String write(JsonTree tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString();
    }

    private static void write(JsonTree tree, StringBuilder out) {
        switch (tree) {
            case Raw raw -> out.append(raw.text());
            case Arr arr -> {
                out.append('[');
                for (int i = 0; i < arr.items().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(arr.items().get(i), out);
                }
                out.append(']');
            }
            case Obj obj -> {
                out.append('{');
                for (int i = 0; i < obj.members().size(); i++) {
                    Member m = obj.members().get(i);
                    out.append(i == 0 ? "" : ",").append(quote(m.name())).append(':');
                    write(m.value(), out);
                }
                out.append('}');
            }
        }
    }
}
