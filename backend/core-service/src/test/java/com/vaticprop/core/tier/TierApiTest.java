package com.vaticprop.core.tier;

import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.testkit.ServiceTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tiers over HTTP against a real database, with the development seed on (APP_ENV=development): the seeded admin and
 * trader log in with their documented passwords.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true",
                "vatic.identity.login.max-attempts-per-ip=10000"})
@ExtendWith(OutputCaptureExtension.class)
class TierApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, TierApiTest.class);
        ServiceTestProperties.redis(registry, TierApiTest.class);
        ServiceTestProperties.kafka(registry);
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;
    private String traderToken;

    @BeforeEach
    void awaitSeededAndLogIn() throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(get("/ready", null).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(seed::done);
        adminToken = new com.vaticprop.core.CoreApi(environment.getRequiredProperty("local.server.port",
                Integer.class)).adminLogin();
        traderToken = login("trader1@vaticprop.dev", "VaticDev-trade-2026");
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void adminCreatesATierAndThePublicListShowsIt() throws Exception {
        String name = unique("Crypto Sprint 10K");
        HttpResponse<String> created = send("POST", "/tiers", tierBody(name, "149.5", "USD", 1), adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode tier = read(created);
        String id = tier.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/tiers/" + id);
        assertThat(tier.get("name").asString()).isEqualTo(name);
        assertThat(tier.get("price").isString()).isTrue();
        assertThat(tier.get("price").asString()).isEqualTo("149.50");
        assertThat(tier.get("currency").asString()).isEqualTo("USD");
        assertThat(tier.get("version").asInt()).isEqualTo(1);
        assertThat(tier.get("active").asBoolean()).isTrue();
        assertThat(tier.get("ruleSet").get("maxLoss").get("pct").asString()).isEqualTo("1");
        assertThat(tier.get("slug").asString()).startsWith("crypto-sprint-10k-");

        HttpResponse<String> list = get("/tiers", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode listed = byId(read(list), id);
        assertThat(listed).isNotNull();
        assertThat(listed.get("price").asString()).isEqualTo("149.50");
        assertThat(listed.get("ruleSet")).isEqualTo(tier.get("ruleSet"));

        HttpResponse<String> one = get("/tiers/" + id, null);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(read(one).get("name").asString()).isEqualTo(name);
    }

    @Test
    void editingCreatesVersionTwoAndVersionOneStaysReadable() throws Exception {
        String name = unique("Editable");
        JsonNode v1 = read(send("POST", "/tiers", tierBody(name, "100", "USD", 1), adminToken));
        String id = v1.get("id").asString();

        Map<String, Object> edit = tierBody(name + " v2", "120.00", "USD", 2);
        edit.put("expectedVersion", 1);
        edit.put("resetPrice", "59.99");
        HttpResponse<String> edited = send("PUT", "/tiers/" + id, edit, adminToken);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode v2 = read(edited);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("name").asString()).isEqualTo(name + " v2");
        assertThat(v2.get("price").asString()).isEqualTo("120.00");
        assertThat(v2.get("resetPrice").asString()).isEqualTo("59.99");
        assertThat(v2.get("ruleSet").get("maxLoss").get("pct").asString()).isEqualTo("2");
        assertThat(v2.get("id").asString()).isEqualTo(id);

        // the public view follows the current version
        assertThat(read(get("/tiers/" + id, null)).get("version").asInt()).isEqualTo(2);
        // version 1 unchanged, publicly readable (a purchase page shows the pinned terms)
        HttpResponse<String> pinned = get("/tiers/" + id + "/versions/1", null);
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
        JsonNode p = read(pinned);
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.get("name").asString()).isEqualTo(name);
        assertThat(p.get("price").asString()).isEqualTo("100.00");
        assertThat(p.has("resetPrice")).isFalse();
        assertThat(p.get("ruleSet")).isEqualTo(v1.get("ruleSet"));
        assertThat(p.has("createdBy")).isFalse();

        // the admin's history lists both
        HttpResponse<String> history = get("/tiers/" + id + "/versions", adminToken);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        List<Integer> versions = new ArrayList<>();
        read(history).forEach(v -> versions.add(v.get("version").asInt()));
        assertThat(versions).containsExactly(1, 2);
        assertThat(read(history).get(0).get("createdBy").asString()).isEqualTo(subject(adminToken));
        assertThat(get("/tiers/" + id + "/versions", traderToken).statusCode()).isEqualTo(403);
        assertThat(get("/tiers/" + id + "/versions", null).statusCode()).isEqualTo(401);

        // the database rows of version 1 are untouched
        assertThat(jdbc.sql("SELECT count(*) FROM tier_versions WHERE tier_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(2L);

        // a stale edit is refused
        HttpResponse<String> stale = send("PUT", "/tiers/" + id, edit, adminToken);
        assertProblem(stale, 409, "tier-version-conflict");
        assertThat(get("/tiers/" + id + "/versions/3", null).statusCode()).isEqualTo(404);
        assertProblem(send("PUT", "/tiers/" + UUID.randomUUID(), tierBody(unique("Nope"), "1", "USD", 1), adminToken),
                404, "not-found");
    }

    @Test
    void anInvalidRuleSetIsA400WithFieldPathsUnderRuleSet() throws Exception {
        Map<String, Object> body = tierBody(unique("Broken"), "100.00", "USD", 1);
        ObjectNode ruleSet = (ObjectNode) body.get("ruleSet");
        ((ObjectNode) ruleSet.get("maxLoss")).put("pct", "-3");
        ((ObjectNode) ruleSet.get("dayBoundary")).put("zone", "Mars/Olympus");
        ((ObjectNode) ruleSet.get("phases").get(0)).put("profitTargetPct", "abc");
        HttpResponse<String> response = send("POST", "/tiers", body, adminToken);
        assertProblem(response, 400, "validation");
        assertThat(fields(response)).contains("ruleSet.maxLoss.pct", "ruleSet.dayBoundary.zone")
                .allMatch(f -> f.startsWith("ruleSet."));
        assertThat(response.body()).contains("\"message\"");

        ruleSet.set("dailyLos", ruleSet.remove("dailyLoss"));
        assertThat(fields(send("POST", "/tiers", body, adminToken))).contains("ruleSet.dailyLos");

        body.put("ruleSet", "not an object");
        assertThat(fields(send("POST", "/tiers", body, adminToken))).containsExactly("ruleSet");
        body.remove("ruleSet");
        assertThat(fields(send("POST", "/tiers", body, adminToken))).containsExactly("ruleSet");
    }

    @Test
    void absurdPricesCurrencyMismatchAndBadNamesAre400() throws Exception {
        for (String price : List.of("0", "-1", "100000.01", "1000000000", "9.999", "1e3", "abc", " ")) {
            HttpResponse<String> r = send("POST", "/tiers", tierBody(unique("Absurd"), price, "USD", 1), adminToken);
            assertProblem(r, 400, "validation");
            assertThat(fields(r)).as(price).containsExactly("price");
        }
        assertThat(send("POST", "/tiers", tierBody(unique("Max"), "100000", "USD", 1), adminToken).statusCode())
                .isEqualTo(201);
        Map<String, Object> reset = tierBody(unique("Reset"), "100", "USD", 1);
        reset.put("resetPrice", "0");
        assertThat(fields(send("POST", "/tiers", reset, adminToken))).containsExactly("resetPrice");

        HttpResponse<String> mismatch = send("POST", "/tiers", tierBody(unique("Euro"), "100", "EUR", 1), adminToken);
        assertProblem(mismatch, 400, "validation");
        assertThat(fields(mismatch)).containsExactly("currency");
        assertThat(mismatch.body()).contains("USD");
        for (String currency : List.of("usd", "US", "XYZ", "DOLLARS")) {
            assertThat(fields(send("POST", "/tiers", tierBody(unique("Cur"), "100", currency, 1), adminToken)))
                    .as(currency).containsExactly("currency");
        }

        assertThat(fields(send("POST", "/tiers", tierBody("  ", "100", "USD", 1), adminToken)))
                .containsExactly("name");
        assertThat(fields(send("POST", "/tiers", tierBody("x".repeat(101), "100", "USD", 1), adminToken)))
                .containsExactly("name");

        // every problem at once
        Map<String, Object> all = tierBody("", "-5", "EURO", 1);
        ((ObjectNode) all.get("ruleSet")).put("profitSplitPct", "180");
        assertThat(fields(send("POST", "/tiers", all, adminToken)))
                .contains("name", "price", "currency", "ruleSet.profitSplitPct");
    }

    @Test
    void aDuplicateActiveNameIs409AndFreeAgainAfterDeactivation() throws Exception {
        String name = unique("Unique Name");
        JsonNode first = read(send("POST", "/tiers", tierBody(name, "100", "USD", 1), adminToken));
        assertProblem(send("POST", "/tiers", tierBody(name, "200", "USD", 1), adminToken), 409, "tier-name-taken");
        assertProblem(send("POST", "/tiers", tierBody("  " + name.toUpperCase() + " ", "200", "USD", 1), adminToken),
                409, "tier-name-taken");

        // renaming another tier to the name is a conflict too
        JsonNode other = read(send("POST", "/tiers", tierBody(unique("Other"), "100", "USD", 1), adminToken));
        assertProblem(send("PUT", "/tiers/" + other.get("id").asString(), tierBody(name, "100", "USD", 1),
                adminToken), 409, "tier-name-taken");

        // editing a tier under its own name is fine
        assertThat(send("PUT", "/tiers/" + first.get("id").asString(), tierBody(name, "110", "USD", 1), adminToken)
                .statusCode()).isEqualTo(200);

        // once the first is withdrawn the name is free; reactivating the first is then a conflict
        assertThat(send("POST", "/tiers/" + first.get("id").asString() + "/deactivate", null, adminToken)
                .statusCode()).isEqualTo(200);
        JsonNode second = read(send("POST", "/tiers", tierBody(name, "300", "USD", 1), adminToken));
        assertThat(second.get("active").asBoolean()).isTrue();
        assertProblem(send("POST", "/tiers/" + first.get("id").asString() + "/activate", null, adminToken), 409,
                "tier-name-taken");
    }

    @Test
    void adminsRacingForOneNameGetOne201AndOtherwise409() throws Exception {
        String name = unique("Race");
        List<java.util.concurrent.Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String price = (100 + i) + ".00";
            calls.add(() -> send("POST", "/tiers", tierBody(name, price, "USD", 1), adminToken).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM tier_versions WHERE name = :n").param("n", name)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void tradersGet403AndAnonymousCallers401OnEveryWrite() throws Exception {
        JsonNode tier = read(send("POST", "/tiers", tierBody(unique("Guarded"), "100", "USD", 1), adminToken));
        String id = tier.get("id").asString();
        Map<String, Object> body = tierBody(unique("Hijack"), "1", "USD", 1);
        List<String[]> writes = List.of(new String[]{"POST", "/tiers"}, new String[]{"PUT", "/tiers/" + id},
                new String[]{"PATCH", "/tiers/" + id}, new String[]{"POST", "/tiers/" + id + "/deactivate"},
                new String[]{"POST", "/tiers/" + id + "/activate"});
        for (String[] write : writes) {
            Object payload = write[0].equals("PATCH") ? Map.of("active", false) : body;
            HttpResponse<String> trader = send(write[0], write[1], payload, traderToken);
            assertProblem(trader, 403, "forbidden");
            HttpResponse<String> anonymous = send(write[0], write[1], payload, null);
            assertProblem(anonymous, 401, "unauthenticated");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).startsWith("Bearer"));
        }
        // a malformed body without a token is still 401, not 400: the role is checked before the body is read
        HttpResponse<String> malformed = send("POST", "/tiers", null, null, "{oops");
        assertProblem(malformed, 401, "unauthenticated");
        assertProblem(send("GET", "/tiers?includeInactive=true", null, traderToken), 403, "forbidden");
        assertProblem(send("GET", "/tiers?includeInactive=true", null, null), 401, "unauthenticated");

        // nothing changed
        JsonNode after = read(get("/tiers/" + id, null));
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("active").asBoolean()).isTrue();
        assertThat(after.get("name").asString()).isEqualTo(tier.get("name").asString());
        // reads stay public, with or without a trader token
        assertThat(get("/tiers", traderToken).statusCode()).isEqualTo(200);
        assertThat(get("/tiers/" + id, traderToken).statusCode()).isEqualTo(200);
        // … but a stale or forged token is refused even there
        assertProblem(get("/tiers", "not-a-token"), 401, "unauthenticated");
    }

    @Test
    void aDeactivatedTierLeavesThePublicListAndComesBack() throws Exception {
        JsonNode tier = read(send("POST", "/tiers", tierBody(unique("Seasonal"), "100", "USD", 1), adminToken));
        String id = tier.get("id").asString();
        assertThat(byId(read(get("/tiers", null)), id)).isNotNull();

        HttpResponse<String> off = send("PATCH", "/tiers/" + id, Map.of("active", false), adminToken);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(read(off).get("active").asBoolean()).isFalse();
        assertThat(byId(read(get("/tiers", null)), id)).isNull();
        assertProblem(get("/tiers/" + id, null), 404, "not-found");
        assertProblem(get("/tiers/" + id, traderToken), 404, "not-found");
        // the admin still sees it, and its versions stay readable for whoever pinned one
        assertThat(read(get("/tiers/" + id, adminToken)).get("active").asBoolean()).isFalse();
        assertThat(byId(read(get("/tiers?includeInactive=true", adminToken)), id)).isNotNull();
        assertThat(get("/tiers/" + id + "/versions/1", null).statusCode()).isEqualTo(200);
        assertThat(fields(send("PATCH", "/tiers/" + id, Map.of(), adminToken))).containsExactly("active");

        HttpResponse<String> on = send("POST", "/tiers/" + id + "/activate", null, adminToken);
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(byId(read(get("/tiers", null)), id)).isNotNull();
        assertProblem(get("/tiers/" + UUID.randomUUID(), null), 404, "not-found");
    }

    @Test
    void theSeedCreatesAccountsAndFixtureTiersOnceWithTheirExactRuleSets(CapturedOutput output) throws Exception {
        DevelopmentSeed.Result again = seed.seed();
        assertThat(again.accountsCreated()).isZero();
        assertThat(again.tiersCreated()).isZero();
        assertThat(again.tiersSeeded()).isEqualTo(3);
        seed.seed();

        for (DevelopmentSeed.Account account : DevelopmentSeed.ACCOUNTS) {
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", account.email())
                    .query(Long.class).single()).as(account.email()).isEqualTo(1L);
            assertThat(jdbc.sql("SELECT role FROM users WHERE email = :e").param("e", account.email())
                    .query(String.class).single()).isEqualTo(account.role().name());
        }
        assertThat(login("trader2@vaticprop.dev", "VaticDev-trade-2026")).isNotBlank();

        JsonNode fixture = VaticJson.mapper().readTree(Files.readString(Path.of("src/main/resources/seed/tiers.json")));
        assertThat(fixture).hasSize(3);
        JsonNode listed = read(get("/tiers", null));
        for (JsonNode expected : fixture) {
            String name = expected.get("name").asString();
            assertThat(jdbc.sql("SELECT count(*) FROM tiers t JOIN tier_versions v ON v.tier_id = t.id WHERE v.name = :n")
                    .param("n", name).query(Long.class).single()).as(name).isEqualTo(1L);
            JsonNode tier = null;
            for (JsonNode t : listed) {
                if (t.get("name").asString().equals(name)) {
                    tier = t;
                }
            }
            assertThat(tier).as(name).isNotNull();
            assertThat(tier.get("id").asString()).isEqualTo(DevelopmentSeed.tierId(name).toString());
            assertThat(tier.get("price").asString()).isEqualTo(expected.get("price").asString());
            assertThat(tier.get("currency").asString()).isEqualTo(expected.get("currency").asString());
            assertThat(tier.get("version").asInt()).isEqualTo(1);
            assertThat(tier.get("ruleSet")).as(name).isEqualTo(withoutNulls(expected.get("ruleSet")));
        }
        assertThat(output.getAll()).contains("development seed: accounts [admin@vaticprop.dev (ADMIN), "
                        + "trader1@vaticprop.dev (TRADER), trader2@vaticprop.dev (TRADER)]")
                .doesNotContain("VaticDev-root-2026").doesNotContain("VaticDev-trade-2026");
    }

    @Test
    void theOpenApiDocumentListsTheTierEndpoints() throws Exception {
        String openapi = get("/openapi", null).body();
        assertThat(openapi).contains("\"/tiers\"", "\"/tiers/{id}\"", "\"/tiers/{id}/versions\"",
                "\"/tiers/{id}/versions/{version}\"", "\"/tiers/{id}/deactivate\"", "\"/tiers/{id}/activate\"");
        JsonNode schemas = VaticJson.mapper().readTree(openapi).get("components").get("schemas");
        assertThat(schemas.has("Tier")).isTrue();
        assertThat(schemas.has("TierVersion")).isTrue();
        // the rule set is documented as the rule-set document, not as Jackson's JsonNode internals
        assertThat(schemas.get("TierRequest").get("properties").get("ruleSet").toString())
                .contains("RuleSetDocument");
        assertThat(schemas.has("RuleSetDocument")).isTrue();
        assertThat(schemas.get("RuleSetDocument").get("properties").has("maxLoss")).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A valid tier body: the first fixture's rule set (USD) with maxLoss.pct set to {@code maxLossPct}. */
    private static Map<String, Object> tierBody(String name, String price, String currency, int maxLossPct) {
        ObjectNode ruleSet = (ObjectNode) DevelopmentSeed.seedTiers().get(0).get("ruleSet").deepCopy();
        ((ObjectNode) ruleSet.get("maxLoss")).put("pct", Integer.toString(maxLossPct));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("price", price);
        body.put("currency", currency);
        body.put("ruleSet", ruleSet);
        return body;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    strip(e.getValue());
                }
            }
            nulls.forEach(object::remove);
        } else if (node.isArray()) {
            node.forEach(TierApiTest::strip);
        }
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode t : list) {
            if (t.get("id").asString().equals(id)) {
                return t;
            }
        }
        return null;
    }

    private static String unique(String hint) {
        return hint + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/auth/login", Map.of("email", email, "password", password), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return read(r).get("accessToken").asString();
    }

    private static String subject(String token) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getSubject();
    }

    private static JsonNode read(HttpResponse<String> response) {
        return VaticJson.mapper().readTree(response.body());
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        read(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://vaticprop.com/problems/" + type + "\"");
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return send("GET", path, null, bearer);
    }

    private HttpResponse<String> send(String method, String path, Object body, String bearer) throws Exception {
        return send(method, path, body, bearer, null);
    }

    private HttpResponse<String> send(String method, String path, Object body, String bearer, String rawBody)
            throws Exception {
        String payload = rawBody != null ? rawBody : body == null ? null : VaticJson.mapper().writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
