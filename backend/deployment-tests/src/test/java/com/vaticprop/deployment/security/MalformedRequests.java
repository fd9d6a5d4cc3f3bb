package com.vaticprop.deployment.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates malformed requests for an {@link ApiOperation} from its OpenAPI description: bad path and query
 * parameters, bodies with fields of the wrong kind, impossible numbers (NaN, Infinity, 1e400), hostile unicode,
 * missing and extra fields, deep nesting, broken JSON, oversized bodies and wrong content types.
 *
 * <p>A state-changing request is generated with at least one <em>definite</em> flaw — one that no lenient reader
 * can get past (an object where a string is expected, a non-UUID id, broken JSON, a wrong content type …) — and is
 * marked {@code mustReject}: if it is accepted, it is a finding. Softer flaws (unicode in free text, extra fields,
 * numbers as strings, which Jackson may legitimately coerce) ride along with a definite one. Reads get any flaw.
 * Everything comes from one {@link Random} per case, seeded from the run's seed and the case's index, so a run is
 * reproducible case by case whatever the threads do.
 */
final class MalformedRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids the fuzzed trader owns; valid path values so that a flaw elsewhere reaches the deep code paths. */
    record Targets(UUID assessmentId, UUID orderId, UUID purchaseId, UUID simulationId, UUID userId, String tierId) {
    }

    private static final String[] BAD_PATH_VALUES = {"not-a-uuid", "-1", "99999999999999999999", "%00", "%FF%FE",
            "..%2F..%2Fadmin", "%E2%98%83", "NaN", "Infinity", "%27%20OR%201%3D1--", "%20", "%3B", "%7Bid%7D",
            "00000000-0000-0000-0000-00000000000g", "1e400", "%F0%9F%9A%80", "%C0%80", "null",
            "x".repeat(3000)};
    private static final String[] BAD_QUERY_VALUES = {"abc", "-1", "0", "1e99", "NaN", "Infinity",
            "999999999999999999999", "%E2%98%83", "%00", "%27--", "2026-13-45", "yesterday", "%FF", "true",
            "x".repeat(2000), "%5B%5D", "%7B%7D", "1.5", "-0", "%F0%9F%98%80"};
    private static final String[] HOSTILE_TEXT = {"\u0000", "\u202e\u202dgnp.exe", "😀🚀𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\ufeff",
            "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "\r\nX-Injected: 1", "ﷺ", "\u0301".repeat(50),
            "x".repeat(20_000), "%s%s%s%n", "../../etc/passwd", "null"};
    private static final String[] BAD_DECIMALS = {"NaN", "Infinity", "-Infinity", "1e400", "--1", "0x1F", "١٢٣",
            "1,5", "", " ", "1.2.3", "+-3", "٫5", "1_000", "∞", "0.1e-2147483648"};
    private static final String[] WRONG_CONTENT_TYPES = {"text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "!!!/???",
            "application/octet-stream", "image/png"};

    private final List<ApiOperation> operations;
    private final Targets targets;
    private final long seed;

    MalformedRequests(List<ApiOperation> operations, Targets targets, long seed) {
        this.operations = operations;
        this.targets = targets;
        this.seed = seed;
    }

    /** Case {@code index}: operation round-robin, everything else from the case's own random stream. */
    FuzzCase generate(int index, Actor actor) {
        ApiOperation op = operations.get(index % operations.size());
        Random random = new Random(seed * 1_000_003L + index);
        List<String> flaws = new ArrayList<>();
        boolean definite = false;

        // path: valid ids of the fuzzed trader, or one bad value
        String path = op.path();
        List<String> pathParams = op.pathParameterNames();
        boolean corruptPath = !pathParams.isEmpty() && (op.bodyContentType() == null ? op.mutating()
                || random.nextInt(3) == 0 : random.nextInt(4) == 0);
        String corrupted = corruptPath ? pathParams.get(random.nextInt(pathParams.size())) : null;
        for (String name : pathParams) {
            String value;
            if (name.equals(corrupted)) {
                value = pick(random, BAD_PATH_VALUES);
                flaws.add("path {" + name + "}=" + abbreviate(value));
                definite |= idLike(op, name);
            } else {
                value = validPathValue(op, name);
            }
            path = path.replace("{" + name + "}", value);
        }

        // query: reads get wrong-typed and unknown parameters
        StringBuilder query = new StringBuilder();
        if (!op.mutating() && (random.nextBoolean() || pathParams.isEmpty())) {
            for (ApiOperation.Parameter p : op.queryParameters()) {
                if (random.nextBoolean()) {
                    String v = pick(random, BAD_QUERY_VALUES);
                    query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(v);
                    flaws.add("query " + p.name() + "=" + abbreviate(v));
                }
            }
            if (random.nextInt(3) == 0) {
                query.append(query.isEmpty() ? "?" : "&").append("unknown%E2%98%83=").append(pick(random,
                        BAD_QUERY_VALUES));
                flaws.add("unknown query parameter");
            }
        }

        // body
        String contentType = null;
        byte[] body = null;
        if (op.bodyContentType() != null || random.nextInt(8) == 0) {
            Body b = body(op, random, definite);
            contentType = b.contentType();
            body = b.bytes();
            flaws.add(b.flaw());
            definite |= b.definite();
        }
        boolean mustReject = op.mutating() && definite;
        return new FuzzCase(index, op.service(), op.method(), path + query, actor, contentType, body,
                String.join("; ", flaws), mustReject);
    }

    private record Body(String contentType, byte[] bytes, String flaw, boolean definite) {
    }

    private Body body(ApiOperation op, Random random, boolean alreadyDefinite) {
        boolean form = op.bodyContentType() != null && op.bodyContentType().contains("form");
        String json = form ? "application/x-www-form-urlencoded" : "application/json";
        int kind = random.nextInt(100);
        if (op.bodyContentType() == null) {
            // a body nobody asked for, on a read or a body-less command: ignored or refused, never a crash
            return new Body(pick(random, WRONG_CONTENT_TYPES), bytes("{\"unexpected\":" + random.nextInt() + "}"),
                    "unexpected body", false);
        }
        if (kind < 1) {
            byte[] big = new byte[1_100_000 + random.nextInt(100_000)];
            java.util.Arrays.fill(big, (byte) 'a');
            byte[] prefix = bytes("{\"x\":\"");
            System.arraycopy(prefix, 0, big, 0, prefix.length);
            big[big.length - 2] = '"';
            big[big.length - 1] = '}';
            return new Body(json, big, "oversized body (" + big.length + " bytes)", true);
        }
        if (kind < 9) {
            String type = form ? "application/json" : pick(random, WRONG_CONTENT_TYPES);
            return new Body(type, bytes(validBody(op).toString()), "wrong content type " + type, true);
        }
        if (kind < 15) {
            int depth = 2_000 + random.nextInt(20_000);
            String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            return new Body(json, bytes(nested), "nesting " + depth + " deep", true);
        }
        if (kind < 25) {
            String broken = pick(random, new String[] {"{\"a\":", "{'a':1}", "{\"a\":1,}", "/*c*/{}", "{a:1}",
                    "{\"qty\":NaN}", "{\"qty\":Infinity}", "{\"qty\":-Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}",
                    "{\"a\":\"unterminated}", "{\"a\"::1}", "\u0000", "}{", "{\"a\":tru}", "[1,2", "{\"a\":\"\\ud800\"",
                    validBody(op).toString().replaceFirst("}$", "")});
            return new Body(json, bytes(broken), "broken JSON " + abbreviate(broken), true);
        }
        if (kind < 30) {
            byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, (byte) 0xFF, '"', '}'};
            return new Body(json, invalidUtf8, "invalid UTF-8", true);
        }
        if (kind < 36) {
            String top = pick(random, new String[] {"[]", "\"a string\"", "42", "true", "[{}]", "1e400"});
            return new Body(json, bytes(top), "top-level " + top, true);
        }
        if (form) {
            String f = pick(random, new String[] {"grant_type=%E2%98%83&client_id=" + "x".repeat(5000),
                    "grant_type=client_credentials&client_id=%00&client_secret=%FF", "%%%%", "=&=&=",
                    "grant_type=client_credentials&grant_type=password", "client_id=a&client_secret="});
            return new Body(json, bytes(f), "form " + abbreviate(f), false);
        }
        // field-level: wrong kinds, impossible numbers, hostile text, missing and extra fields
        ObjectNode valid = validBody(op);
        ObjectNode mutated = valid.deepCopy();
        List<String> flaws = new ArrayList<>();
        boolean definite = false;
        List<String> names = new ArrayList<>(mutated.propertyNames());
        if (!names.isEmpty() && random.nextInt(4) == 0) {
            String dropped = names.remove(random.nextInt(names.size()));
            mutated.remove(dropped);
            flaws.add("missing " + dropped);
        }
        if (random.nextInt(3) == 0) {
            mutated.put("isAdmin", true);
            mutated.put("userId", UUID.randomUUID().toString());
            mutated.set("__proto__", NODES.objectNode().put("admin", true));
            mutated.put(pick(random, HOSTILE_TEXT), pick(random, HOSTILE_TEXT));
            flaws.add("extra fields");
        }
        JsonNode schema = op.bodySchema();
        for (String name : names) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            JsonNode field = ApiOperation.resolve(op.document(), schema == null ? NODES.objectNode()
                    : schema.path("properties").path(name));
            Corruption c = corrupt(field, random);
            mutated.set(name, c.value());
            flaws.add(name + "=" + abbreviate(c.value().toString()));
            definite |= c.definite();
        }
        if (!definite && !alreadyDefinite) {
            // guarantee one flaw no coercion can read past: an object or array where a scalar is expected
            String name = names.isEmpty() ? "unexpected" : names.get(random.nextInt(names.size()));
            JsonNode wrongKind = random.nextBoolean() ? NODES.objectNode().put("$gt", "")
                    : NODES.arrayNode().add(1).add("two");
            JsonNode field = schema == null ? NODES.objectNode() : ApiOperation.resolve(op.document(),
                    schema.path("properties").path(name));
            if (field.path("type").asString("").equals("object") || field.path("type").asString("").equals("array")
                    || names.isEmpty()) {
                return new Body(json, bytes("[" + mutated + "]"), String.join(", ", flaws) + ", wrapped in an array",
                        true);
            }
            mutated.set(name, wrongKind);
            flaws.add(name + "=" + wrongKind);
            definite = true;
        }
        return new Body(json, bytes(mutated.toString()), String.join(", ", flaws), definite);
    }

    private record Corruption(JsonNode value, boolean definite) {
    }

    /** A wrong value for a field; definite when no lenient reader can turn it into a valid one. */
    private Corruption corrupt(JsonNode field, Random random) {
        String type = field.path("type").asString("string");
        String format = field.path("format").asString("");
        int choice = random.nextInt(10);
        if (choice < 3) {
            JsonNode wrongKind = switch (random.nextInt(4)) {
                case 0 -> NODES.objectNode().put("nested", NODES.objectNode().toString());
                case 1 -> NODES.arrayNode().add(1).add(NODES.arrayNode());
                case 2 -> NODES.objectNode();
                default -> NODES.arrayNode();
            };
            boolean structured = type.equals("object") || type.equals("array");
            return new Corruption(wrongKind, !structured);
        }
        if (type.equals("integer") || type.equals("number")) {
            return switch (random.nextInt(4)) {
                case 0 -> new Corruption(NODES.stringNode(pick(random, BAD_DECIMALS)), true);
                case 1 -> new Corruption(NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                        type.equals("integer"));
                case 2 -> new Corruption(NODES.booleanNode(true), true);
                default -> new Corruption(NODES.numberNode(new java.math.BigDecimal("1e400")), true);
            };
        }
        if (type.equals("boolean")) {
            return new Corruption(NODES.stringNode(pick(random, new String[] {"maybe", "2", "yes please", "☃"})),
                    true);
        }
        if (format.equals("uuid")) {
            return new Corruption(NODES.stringNode(pick(random, new String[] {"not-a-uuid", "%00", "' OR 1=1",
                    "00000000-0000-0000-0000-00000000000g", "x".repeat(5000), "☃"})), true);
        }
        if (format.equals("date-time") || format.equals("date")) {
            return new Corruption(NODES.stringNode(pick(random, new String[] {"2026-02-30T25:61:00Z", "yesterday",
                    "+999999999-12-31T23:59:59Z", "-1", "1e20"})), true);
        }
        if (field.has("enum")) {
            return new Corruption(NODES.stringNode(pick(random, new String[] {"NOT_AN_ENUM", "buy\u0000", "🚀",
                    ""})), true);
        }
        if (numeric(field.path("example").asString(""))) {
            return new Corruption(NODES.stringNode(pick(random, BAD_DECIMALS)), true);
        }
        // free text: hostile but possibly valid
        return new Corruption(NODES.stringNode(pick(random, HOSTILE_TEXT)), false);
    }

    /** A plausible, valid-looking body for the operation, from its schema (known shapes where the schema is generic). */
    private ObjectNode validBody(ApiOperation op) {
        ObjectNode known = KNOWN_BODIES.containsKey(op.key()) ? (ObjectNode) LiveApi.JSON.readTree(
                KNOWN_BODIES.get(op.key()).replace("$assessment", targets.assessmentId().toString())
                        .replace("$tier", targets.tierId())) : null;
        if (known != null) {
            return known;
        }
        ObjectNode body = NODES.objectNode();
        JsonNode schema = op.bodySchema();
        if (schema != null) {
            for (var p : schema.path("properties").properties()) {
                body.set(p.getKey(), validValue(op.document(), ApiOperation.resolve(op.document(), p.getValue()),
                        0));
            }
        }
        return body;
    }

    private JsonNode validValue(JsonNode document, JsonNode field, int depth) {
        String type = field.path("type").asString("string");
        if (field.has("enum")) {
            return field.path("enum").get(0);
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 2) {
                    for (var p : field.path("properties").properties()) {
                        o.set(p.getKey(), validValue(document, ApiOperation.resolve(document, p.getValue()),
                                depth + 1));
                    }
                }
                yield o;
            }
            default -> switch (field.path("format").asString("")) {
                case "uuid" -> NODES.stringNode(targets.assessmentId().toString());
                case "date-time" -> NODES.stringNode(java.time.Instant.now().toString());
                case "date" -> NODES.stringNode(java.time.LocalDate.now().toString());
                default -> NODES.stringNode(field.path("example").asString("fuzz"));
            };
        };
    }

    /** Bodies whose OpenAPI schema is generic (a JsonNode parameter) or too loose to build a realistic one from. */
    private static final Map<String, String> KNOWN_BODIES = Map.of(
            "POST /simulations", "{\"assessmentId\":\"$assessment\",\"method\":\"IID_DAYS\",\"paths\":1000,"
                    + "\"horizonDays\":30,\"seed\":1}",
            "POST /assessments/{id}/orders", "{\"instrument\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                    + "\"qty\":\"0.01\",\"limitPrice\":\"1000.00\",\"tif\":\"GTC\",\"reduceOnly\":false}",
            "POST /purchases", "{\"tierId\":\"$tier\"}");

    private String validPathValue(ApiOperation op, String name) {
        String p = op.path();
        return switch (name) {
            case "orderId" -> targets.orderId().toString();
            case "violationId" -> UUID.randomUUID().toString();
            case "version" -> "1";
            case "instrument" -> "BTC-USD";
            case "chart" -> "equity";
            case "format" -> "svg";
            default -> p.startsWith("/purchases/") ? targets.purchaseId().toString()
                    : p.startsWith("/simulations/") ? targets.simulationId().toString()
                    : p.startsWith("/tiers/") ? targets.tierId()
                    : p.startsWith("/admin/users/") ? targets.userId().toString()
                    : p.startsWith("/admin/promo-codes/") || p.startsWith("/admin/fairness/")
                    ? UUID.randomUUID().toString()
                    : targets.assessmentId().toString();
        };
    }

    /** Whether a bad value of this path parameter cannot name a resource (an id or a number, not free text). */
    private static boolean idLike(ApiOperation op, String name) {
        return op.parameters().stream().filter(p -> p.name().equals(name) && p.in().equals("path"))
                .anyMatch(p -> "uuid".equals(p.format()) || p.type().equals("integer"));
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("-?\\d+(\\.\\d+)?");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
