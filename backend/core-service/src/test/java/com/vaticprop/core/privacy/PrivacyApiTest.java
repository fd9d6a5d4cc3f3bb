package com.vaticprop.core.privacy;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.purchase.LocalStripe;
import com.vaticprop.core.purchase.StripeEvents;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.testkit.ServiceTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 7 over HTTP: {@code GET /me/export} is complete and holds no secrets; deleting an account leaves no
 * personal data anywhere in the schema (every text and JSON column is searched) while purchases, assessments and
 * the audit trail stay.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true",
                "vatic.identity.login.max-attempts-per-ip=10000",
                "STRIPE_SECRET_KEY=sk_test_local_privacy", "STRIPE_WEBHOOK_SECRET=" + PrivacyApiTest.SECRET})
class PrivacyApiTest {

    static final String SECRET = "whsec_local_privacy";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TWO_STEP = DevelopmentSeed.tierId("Crypto Two-Step 100K").toString();
    private static final LocalStripe STRIPE = start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, PrivacyApiTest.class);
        ServiceTestProperties.redis(registry, PrivacyApiTest.class);
        ServiceTestProperties.kafka(registry);
        registry.add("STRIPE_API_BASE", STRIPE::apiBase);
    }

    @AfterAll
    static void stop() {
        STRIPE.close();
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private JdbcClient jdbc;

    private CoreApi api;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
    }

    /** A trader with a display name, a paid purchase (Stripe payload with their name and e-mail) and an assessment. */
    private record Customer(String email, String name, String userId, String token, UUID purchase, UUID assessment) {
    }

    private Customer customer() {
        String email = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name = "Ann Privacy " + UUID.randomUUID().toString().substring(0, 6);
        String userId = expect(api.post("/auth/register", Map.of("email", email, "password", PASSWORD,
                "displayName", name), null), 201).get("id").asString();
        String token = api.login(email, PASSWORD);
        UUID purchase = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", TWO_STEP), token), 201)
                .get("id").asString());
        String sessionId = jdbc.sql("SELECT stripe_checkout_session_id FROM purchases WHERE id = ?").param(purchase)
                .query(String.class).single();
        ObjectNode session = StripeEvents.session(sessionId, purchase, "paid", 54_900, "usd", "pi_" + purchase);
        session.put("customer_email", email);
        session.putObject("customer_details").put("email", email).put("name", name)
                .putObject("address").put("line1", street(email)).put("city", "Prague");
        assertThat(expect(LocalStripe.deliver(api, StripeEvents.event("checkout.session.completed", session),
                SECRET), 200).get("outcome").asString()).isEqualTo("fulfilled");
        UUID assessment = UUID.fromString(expect(api.get("/purchases/" + purchase, token), 200).get("assessmentId")
                .asString());
        expect(api.post("/assessments/" + assessment + "/start", null, token), 200);
        return new Customer(email, name, userId, token, purchase, assessment);
    }

    @Test
    void theExportHoldsEverythingAboutTheUserAndNoSecretsOrOtherUsersData() {
        Customer ann = customer();
        Customer other = customer();
        JsonNode export = expect(api.get("/me/export", ann.token()), 200);

        assertThat(export.get("user").get("id").asString()).isEqualTo(ann.userId());
        assertThat(export.get("user").get("email").asString()).isEqualTo(ann.email());
        assertThat(export.get("user").get("displayName").asString()).isEqualTo(ann.name());
        assertThat(export.get("sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(export.get("purchases").size()).isEqualTo(1);
        JsonNode purchase = export.get("purchases").get(0);
        assertThat(purchase.get("id").asString()).isEqualTo(ann.purchase().toString());
        assertThat(purchase.get("amount").asString()).isEqualTo("549");
        assertThat(purchase.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode assessment = export.get("assessments").get(0);
        assertThat(assessment.get("id").asString()).isEqualTo(ann.assessment().toString());
        assertThat(assessment.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(assessment.get("ruleSet").get("phases").size()).isEqualTo(2);
        assertThat(assessment.get("accounts").get(0).get("initialBalance").asString()).isEqualTo("100000");
        List<String> events = new ArrayList<>();
        assessment.get("events").forEach(e -> events.add(e.get("eventType").asString()));
        assertThat(events).containsSequence("assessment.created", "assessment.started");
        for (String key : List.of("orders", "trades", "positions", "violations", "ruleChecks")) {
            assertThat(assessment.get(key).isArray()).as(key).isTrue();
        }

        String body = api.get("/me/export", ann.token()).body();
        String passwordHash = jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
                .param(UUID.fromString(ann.userId())).query(String.class).single();
        assertThat(body).doesNotContain(passwordHash).doesNotContain("passwordHash").doesNotContain("tokenHash")
                .doesNotContain("engineState").doesNotContain(other.email()).doesNotContain(other.userId())
                .doesNotContain(other.purchase().toString());
        assertProblem(api.get("/me/export", null), 401, "unauthenticated");
    }

    @Test
    void deletionLeavesNoPersonalDataInTheDatabaseAndKeepsTheRecords() {
        Customer ann = customer();
        UUID userId = UUID.fromString(ann.userId());
        assertThat(occurrences(ann.email())).as("the search finds the data before").isNotEmpty();
        assertThat(occurrences(ann.name())).isNotEmpty();

        assertProblem(api.send("DELETE", "/me", Map.of("password", "not my password at all"), ann.token()), 403,
                "wrong-password");
        assertProblem(api.send("DELETE", "/me", Map.of(), ann.token()), 400, "validation");
        assertProblem(api.send("DELETE", "/me", Map.of("password", PASSWORD), ann.token()), 409, "open-assessments");
        expect(api.post("/assessments/" + ann.assessment() + "/abandon", null, ann.token()), 200);
        assertThat(api.send("DELETE", "/me", Map.of("password", PASSWORD), ann.token()).statusCode())
                .isEqualTo(204);

        assertThat(occurrences(ann.email())).as("e-mail anywhere in the schema").isEmpty();
        assertThat(occurrences(ann.name())).as("name anywhere in the schema").isEmpty();
        assertThat(occurrences(street(ann.email()))).as("address from Stripe").isEmpty();
        assertProblem(api.post("/auth/login", Map.of("email", ann.email(), "password", PASSWORD), null), 401,
                "invalid-credentials");
        // the records the firm keeps, under the anonymous id
        Map<String, Object> purchase = jdbc.sql("SELECT user_id, amount, status FROM purchases WHERE id = ?")
                .param(ann.purchase()).query().singleRow();
        assertThat(purchase.get("user_id")).isEqualTo(userId);
        assertThat((java.math.BigDecimal) purchase.get("amount")).isEqualByComparingTo("549");
        assertThat(jdbc.sql("SELECT status FROM assessments WHERE id = ?").param(ann.assessment())
                .query(String.class).single()).isEqualTo("ABANDONED");
        assertThat(jdbc.sql("SELECT payload -> 'data' -> 'object' ->> 'amount_total' FROM stripe_events "
                + "WHERE purchase_id = ?").param(ann.purchase()).query(String.class).single()).isEqualTo("54900");
        Map<String, Object> user = jdbc.sql("SELECT email, status, deleted_at FROM users WHERE id = ?")
                .param(userId).query().singleRow();
        assertThat(user.get("email")).isEqualTo("deleted-" + userId + "@deleted.invalid");
        assertThat(user.get("status")).isEqualTo("DISABLED");
        assertThat(user.get("deleted_at")).isNotNull();
    }

    @Test
    void anAdminDeletesAnAccountOnRequestAndItIsAudited() {
        Customer bob = customer();
        expect(api.post("/assessments/" + bob.assessment() + "/abandon", null, bob.token()), 200);
        String admin = api.adminLogin();
        assertProblem(api.send("DELETE", "/admin/users/" + bob.userId(), Map.of("reason", "x"), bob.token()), 403,
                "forbidden");
        assertProblem(api.send("DELETE", "/admin/users/" + bob.userId(), Map.of(), admin), 400, "validation");
        assertThat(api.send("DELETE", "/admin/users/" + bob.userId(),
                Map.of("reason", "erasure request #4711"), admin).statusCode()).isEqualTo(204);
        assertProblem(api.send("DELETE", "/admin/users/" + bob.userId(), Map.of("reason", "again"), admin), 404,
                "not-found");
        assertThat(occurrences(bob.email())).isEmpty();
        JsonNode entry = expect(api.get("/admin/audit?subject=" + bob.userId(), admin), 200).get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("user.delete");
        assertThat(entry.get("reason").asString()).isEqualTo("erasure request #4711");
    }

    private static String street(String email) {
        return "1 Lane of " + email.substring(0, email.indexOf('@'));
    }

    /** Every text, character and JSON column of every table of the schema that contains {@code needle}. */
    private List<String> occurrences(String needle) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')""")
                .query().listOfRows();
        for (Map<String, Object> c : columns) {
            String sql = "SELECT count(*) FROM \"" + c.get("table_name") + "\" WHERE CAST(\"" + c.get("column_name")
                    + "\" AS TEXT) ILIKE ?";
            long n = jdbc.sql(sql).param("%" + needle + "%").query(Long.class).single();
            if (n > 0) {
                found.add(c.get("table_name") + "." + c.get("column_name"));
            }
        }
        return found;
    }

    private static LocalStripe start() {
        try {
            return new LocalStripe();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
