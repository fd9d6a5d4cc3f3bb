package com.vaticprop.core.purchase;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.testkit.ServiceTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** APP_ENV=development without STRIPE_SECRET_KEY: a purchase completes at once and opens its assessment. */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true", "STRIPE_SECRET_KEY=", "STRIPE_WEBHOOK_SECRET="})
class DevelopmentPurchaseTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, DevelopmentPurchaseTest.class);
        ServiceTestProperties.redis(registry, DevelopmentPurchaseTest.class);
        ServiceTestProperties.kafka(registry);
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

    @Test
    void theDevelopmentPathCompletesAtOnceAndOpensTheAssessmentOnThePinnedVersion() {
        String token = api.login("trader2@vaticprop.dev", "VaticDev-trade-2026");
        UUID tier = DevelopmentSeed.tierId("Prediction Markets 25K");
        JsonNode tierJson = expect(api.get("/tiers/" + tier, null), 200);

        JsonNode purchase = expect(api.post("/purchases", Map.of("tierId", tier.toString()), token), 201);
        assertThat(purchase.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(purchase.get("paymentMethod").asString()).isEqualTo("DEVELOPMENT");
        assertThat(purchase.get("amount").asString()).isEqualTo(tierJson.get("price").asString());
        assertThat(purchase.has("checkoutUrl")).isFalse();
        UUID assessmentId = UUID.fromString(purchase.get("assessmentId").asString());

        Map<String, Object> assessment = jdbc.sql("""
                        SELECT a.status, a.tier_version, a.last_seq, a.phase_name, v.balance, v.currency
                        FROM assessments a JOIN virtual_accounts v ON v.assessment_id = a.id WHERE a.id = ?""")
                .param(assessmentId).query().singleRow();
        assertThat(assessment).containsEntry("status", "CREATED").containsEntry("last_seq", 1L)
                .containsEntry("tier_version", tierJson.get("version").asInt());
        assertThat((BigDecimal) assessment.get("balance"))
                .isEqualByComparingTo(tierJson.get("ruleSet").get("initialBalance").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE assessment_id = ? AND seq = 1 "
                + "AND event_type = 'assessment.created'").param(assessmentId).query(Long.class).single()).isEqualTo(1);

        assertThat(expect(api.get("/purchases", token), 200).get(0).get("id").asString())
                .isEqualTo(purchase.get("id").asString());
    }

    @Test
    void concurrentBuyersAllGetTheirAssessment() throws Exception {
        String token = api.login("trader1@vaticprop.dev", "VaticDev-trade-2026");
        UUID tier = DevelopmentSeed.tierId("Crypto Two-Step 100K");
        java.util.List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> sent = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                sent.add(pool.submit(() -> api.post("/purchases", Map.of("tierId", tier.toString()), token)));
            }
            for (var f : sent) {
                JsonNode purchase = expect(f.get(), 201);
                assertThat(purchase.get("status").asString()).isEqualTo("COMPLETED");
                assertThat(purchase.get("assessmentId").asString()).isNotBlank();
            }
        }
    }

    @Test
    void withoutAWebhookSecretTheWebhookEndpointDoesNotExist() {
        assertProblem(api.send("POST", "/webhooks/stripe", "{}", null,
                Map.of("Content-Type", "application/json", "Stripe-Signature", "t=1,v1=00")), 404, "not-found");
    }
}
