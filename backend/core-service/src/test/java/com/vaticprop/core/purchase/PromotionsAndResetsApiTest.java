package com.vaticprop.core.purchase;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 4 over HTTP, through the same Stripe flow as a tier purchase ({@link LocalStripe}): a paid reset of a
 * FAILED assessment opens a fresh attempt at the tier's reset price; promotion codes (percent or amount, validity
 * window, caps in total and per user) become Stripe promotion codes in the checkout and the purchase expects the
 * discounted amount; refunds of resets stay consistent.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true",
                "vatic.identity.login.max-attempts-per-ip=10000",
                "STRIPE_SECRET_KEY=sk_test_local_promo", "STRIPE_WEBHOOK_SECRET=" + PromotionsAndResetsApiTest.SECRET})
class PromotionsAndResetsApiTest {

    static final String SECRET = "whsec_local_promo_test";
    private static final String PASSWORD = "correct horse battery staple";
    private static final LocalStripe STRIPE = start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, PromotionsAndResetsApiTest.class);
        ServiceTestProperties.redis(registry, PromotionsAndResetsApiTest.class);
        ServiceTestProperties.kafka(registry);
        registry.add("STRIPE_API_BASE", STRIPE::apiBase);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private JdbcClient jdbc;

    private CoreApi api;
    private String admin;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
        admin = api.adminLogin();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Resets
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aFailedAssessmentIsResetThroughStripeAtTheResetPriceAndGetsAFreshAttempt() {
        String tier = tier("149.50", "79.00");
        String trader = newTrader();
        UUID failed = failedAssessment(tier, trader, 14_950);

        JsonNode reset = expect(api.post("/purchases", Map.of("resetOf", failed.toString()), trader), 201);
        UUID resetId = UUID.fromString(reset.get("id").asString());
        assertThat(reset.get("kind").asString()).isEqualTo("RESET");
        assertThat(reset.get("resetOf").asString()).isEqualTo(failed.toString());
        assertThat(reset.get("amount").asString()).isEqualTo("79.00");
        assertThat(reset.get("status").asString()).isEqualTo("PENDING");
        LocalStripe.Received sent = lastSession();
        assertThat(sent.form()).containsEntry("line_items[0][price_data][unit_amount]", "7900")
                .containsEntry("line_items[0][price_data][product_data][name]", "Promo Tier " + tier.substring(0, 8)
                        + " (reset)").containsEntry("metadata[purchaseId]", resetId.toString());
        // asking again while the checkout is open returns the same purchase
        JsonNode again = expect(api.post("/purchases", Map.of("resetOf", failed.toString()), trader), 200);
        assertThat(again.get("id").asString()).isEqualTo(resetId.toString());

        assertThat(pay(resetId, 7_900, "pi_reset_" + resetId)).isEqualTo("fulfilled");
        JsonNode completed = expect(api.get("/purchases/" + resetId, trader), 200);
        UUID fresh = UUID.fromString(completed.get("assessmentId").asString());
        assertThat(fresh).isNotEqualTo(failed);
        JsonNode attempt = expect(api.get("/assessments/" + fresh, trader), 200);
        assertThat(attempt.get("status").asString()).isEqualTo("CREATED");
        assertThat(attempt.get("phase").get("index").asInt()).isZero();
        assertThat(attempt.get("account").get("balance").asString()).isEqualTo("10000");
        assertThat(expect(api.get("/assessments/" + failed, trader), 200).get("status").asString())
                .isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT seq FROM outbox WHERE assessment_id = ? AND event_type = 'assessment.created'")
                .param(fresh).query(Long.class).single()).isEqualTo(1L);

        assertProblem(api.post("/purchases", Map.of("resetOf", failed.toString()), trader), 409,
                "reset-already-purchased");
        assertProblem(api.post("/purchases", Map.of("resetOf", fresh.toString()), trader), 409,
                "assessment-not-failed");
        assertProblem(api.post("/purchases", Map.of("resetOf", failed.toString()), newTrader()), 404, "not-found");
        assertProblem(api.post("/purchases", Map.of("resetOf", "nope"), trader), 400, "validation");

        String noReset = tier("99.00", null);
        UUID failedNoReset = failedAssessment(noReset, trader, 9_900);
        assertProblem(api.post("/purchases", Map.of("resetOf", failedNoReset.toString()), trader), 409,
                "reset-not-offered");
    }

    @Test
    void refundingAResetAbandonsTheFreshAttemptOnlyAndTheAssessmentCanBeResetAgain() {
        String tier = tier("149.50", "79.00");
        String trader = newTrader();
        UUID failed = failedAssessment(tier, trader, 14_950);
        UUID resetId = UUID.fromString(expect(api.post("/purchases", Map.of("resetOf", failed.toString()), trader),
                201).get("id").asString());
        String pi = "pi_refund_reset_" + resetId;
        assertThat(pay(resetId, 7_900, pi)).isEqualTo("fulfilled");
        UUID fresh = UUID.fromString(expect(api.get("/purchases/" + resetId, trader), 200).get("assessmentId")
                .asString());

        assertThat(outcome(StripeEvents.event("charge.refunded", StripeEvents.charge(pi, 7_900, 7_900))))
                .isEqualTo("refunded");
        assertThat(expect(api.get("/purchases/" + resetId, trader), 200).get("status").asString())
                .isEqualTo("REFUNDED");
        Map<String, Object> attempt = jdbc.sql("SELECT status, abandon_reason FROM assessments WHERE id = ?")
                .param(fresh).query().singleRow();
        assertThat(attempt).containsEntry("status", "ABANDONED").containsEntry("abandon_reason", "REFUND");
        assertThat(expect(api.get("/assessments/" + failed, trader), 200).get("status").asString())
                .isEqualTo("FAILED");
        // the refunded reset no longer counts: a new one can be bought
        JsonNode second = expect(api.post("/purchases", Map.of("resetOf", failed.toString()), trader), 201);
        assertThat(second.get("id").asString()).isNotEqualTo(resetId.toString());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Promotion codes
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aPercentCodeBecomesAStripePromotionCodeAndThePurchaseExpectsTheDiscountedAmount() {
        String tier = tier("149.50", "79.00");
        String code = "SPRING" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        JsonNode created = expect(api.post("/admin/promo-codes", Map.of("code", code.toLowerCase(), "kind",
                "PERCENT", "percentOff", "20", "maxRedemptions", 2, "maxPerUser", 1), admin), 201);
        assertThat(created.get("code").asString()).isEqualTo(code);
        String promotionId = created.get("stripePromotionCodeId").asString();
        LocalStripe.Received couponRequest = STRIPE.received().stream().filter(r -> r.path().equals("/v1/coupons"))
                .toList().getLast();
        assertThat(couponRequest.form()).containsEntry("percent_off", "20").containsEntry("duration", "once");
        assertThat(STRIPE.promotionCodes().get(promotionId).get("code").asString()).isEqualTo(code);

        String first = newTrader();
        JsonNode bought = expect(api.post("/purchases", Map.of("tierId", tier, "promoCode", " " + code.toLowerCase()),
                first), 201);
        assertThat(bought.get("listPrice").asString()).isEqualTo("149.50");
        assertThat(bought.get("discount").asString()).isEqualTo("29.90");
        assertThat(bought.get("amount").asString()).isEqualTo("119.60");
        assertThat(bought.get("promoCode").asString()).isEqualTo(code);
        LocalStripe.Received session = lastSession();
        assertThat(session.form()).containsEntry("line_items[0][price_data][unit_amount]", "14950")
                .containsEntry("discounts[0][promotion_code]", promotionId);
        UUID purchase = UUID.fromString(bought.get("id").asString());
        String sessionId = sessionId(purchase);
        assertThat(STRIPE.amountTotal(sessionId)).as("Stripe's discounted total").isEqualTo(11_960);
        assertThat(pay(purchase, STRIPE.amountTotal(sessionId), "pi_promo_" + purchase)).isEqualTo("fulfilled");

        // caps: once per user, twice in total; a lapsed checkout gives its use back
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", code), first), 409,
                "promo-code-limit-reached");
        String second = newTrader();
        UUID secondPurchase = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", tier, "promoCode",
                code), second), 201).get("id").asString());
        String third = newTrader();
        long before = count();
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", code), third), 409,
                "promo-code-used-up");
        assertThat(count()).isEqualTo(before);
        assertThat(outcome(StripeEvents.event("checkout.session.expired", StripeEvents.session(
                sessionId(secondPurchase), secondPurchase, "unpaid", 11_960, "usd", null)))).isEqualTo("expired");
        UUID thirdPurchase = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", tier, "promoCode", code),
                third), 201).get("id").asString());
        // paying the undiscounted price for a discounted purchase is still a mismatch (nothing is opened)
        assertThat(pay(thirdPurchase, 14_950, "pi_promo_wrong_" + thirdPurchase)).isEqualTo("amount-mismatch");
        JsonNode listed = expect(api.get("/admin/promo-codes", admin), 200);
        for (JsonNode c : listed) {
            if (c.get("code").asString().equals(code)) {
                assertThat(c.get("uses").asLong()).as("completed 1 + expired 0 + failed 0").isEqualTo(1);
            }
        }
    }

    @Test
    void anAmountCodeForResetsOnlyValidityWindowsAndWithdrawnCodes() {
        String tier = tier("149.50", "79.00");
        String trader = newTrader();
        UUID failed = failedAssessment(tier, trader, 14_950);
        String resetCode = code("RESET");
        expect(api.post("/admin/promo-codes", Map.of("code", resetCode, "kind", "AMOUNT", "amountOff", "30",
                "currency", "USD", "appliesTo", "RESET"), admin), 201);
        assertThat(STRIPE.received().stream().filter(r -> r.path().equals("/v1/coupons")).toList().getLast().form())
                .containsEntry("amount_off", "3000").containsEntry("currency", "usd");
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", resetCode), trader), 409,
                "promo-code-not-applicable");
        JsonNode reset = expect(api.post("/purchases", Map.of("resetOf", failed.toString(), "promoCode", resetCode),
                trader), 201);
        assertThat(reset.get("amount").asString()).isEqualTo("49.00");
        UUID resetId = UUID.fromString(reset.get("id").asString());
        assertThat(STRIPE.amountTotal(sessionId(resetId))).isEqualTo(4_900);
        assertThat(pay(resetId, 4_900, "pi_reset_promo_" + resetId)).isEqualTo("fulfilled");

        long before = count();
        String future = code("LATER");
        expect(api.post("/admin/promo-codes", Map.of("code", future, "kind", "PERCENT", "percentOff", "10",
                "validFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString()), admin), 201);
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", future), trader), 409,
                "promo-code-not-valid");
        String past = code("GONE");
        expect(api.post("/admin/promo-codes", Map.of("code", past, "kind", "PERCENT", "percentOff", "10",
                "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2026-02-01T00:00:00Z"), admin), 201);
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", past), trader), 409,
                "promo-code-not-valid");
        String euro = code("EURO");
        expect(api.post("/admin/promo-codes", Map.of("code", euro, "kind", "AMOUNT", "amountOff", "5",
                "currency", "EUR"), admin), 201);
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", euro), trader), 409,
                "promo-code-not-applicable");
        String withdrawn = code("STOP");
        String withdrawnId = expect(api.post("/admin/promo-codes", Map.of("code", withdrawn, "kind", "PERCENT",
                "percentOff", "5"), admin), 201).get("id").asString();
        expect(api.post("/admin/promo-codes/" + withdrawnId + "/deactivate", Map.of("reason", "leaked on a forum"),
                admin), 200);
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", withdrawn), trader), 409,
                "promo-code-not-valid");
        assertProblem(api.post("/purchases", Map.of("tierId", tier, "promoCode", "NO-SUCH-CODE"), trader), 400,
                "validation");
        assertThat(count()).as("refused codes create no purchase").isEqualTo(before);

        JsonNode audit = expect(api.get("/admin/audit?subject=" + withdrawnId, admin), 200).get("items");
        assertThat(audit.get(0).get("action").asString()).isEqualTo("promo-code.deactivate");
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("leaked on a forum");
        assertThat(audit.get(1).get("action").asString()).isEqualTo("promo-code.create");
    }

    @Test
    void onlyAdminsManageCodesAndBadDefinitionsAre400() {
        String trader = newTrader();
        assertProblem(api.post("/admin/promo-codes", Map.of("code", code("X"), "kind", "PERCENT", "percentOff", "5"),
                trader), 403, "forbidden");
        assertProblem(api.get("/admin/promo-codes", trader), 403, "forbidden");
        HttpResponse<String> bad = api.post("/admin/promo-codes", Map.of("code", "a", "kind", "PERCENT",
                "percentOff", "100", "validFrom", "2026-03-01T00:00:00Z", "validUntil", "2026-02-01T00:00:00Z",
                "maxRedemptions", 0), admin);
        assertProblem(bad, 400, "validation");
        List<String> fields = new java.util.ArrayList<>();
        CoreApi.json(bad).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("code", "percentOff", "validUntil", "maxRedemptions");
        assertProblem(api.post("/admin/promo-codes", Map.of("code", "ABC", "kind", "AMOUNT", "amountOff", "1.001",
                "currency", "USD"), admin), 400, "validation");
        String taken = code("DUP");
        expect(api.post("/admin/promo-codes", Map.of("code", taken, "kind", "PERCENT", "percentOff", "5"), admin), 201);
        assertProblem(api.post("/admin/promo-codes", Map.of("code", taken, "kind", "PERCENT", "percentOff", "7"),
                admin), 409, "promo-code-taken");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String tier(String price, String resetPrice) {
        JsonNode ruleSet = expect(api.get("/tiers/" + DevelopmentSeed.tierId("Crypto One-Step 50K Trailing"), null),
                200).get("ruleSet");
        Map<String, Object> rules = new HashMap<>(tools.jackson.databind.json.JsonMapper.builder().build()
                .convertValue(ruleSet, Map.class));
        rules.put("initialBalance", "10000");
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(Map.of("name", "Promo Tier " + id.substring(0, 8), "price", price,
                "currency", "USD", "ruleSet", rules));
        if (resetPrice != null) {
            body.put("resetPrice", resetPrice);
        }
        String created = expect(api.post("/tiers", body, admin), 201).get("id").asString();
        // the product name in the checkout carries the tier name: make it predictable from the id
        expect(api.send("PUT", "/tiers/" + created, withName(body, "Promo Tier " + created.substring(0, 8)), admin),
                200);
        // every admin action is audited: tier writes too
        List<String> actions = new java.util.ArrayList<>();
        expect(api.get("/admin/audit?subject=" + created, admin), 200).get("items")
                .forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("tier.update", "tier.create");
        return created;
    }

    private static Map<String, Object> withName(Map<String, Object> body, String name) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("name", name);
        return copy;
    }

    /** Buys the tier through Stripe, starts the assessment and has an admin fail it. */
    private UUID failedAssessment(String tier, String trader, long minor) {
        UUID purchase = UUID.fromString(expect(api.post("/purchases", Map.of("tierId", tier), trader), 201)
                .get("id").asString());
        assertThat(pay(purchase, minor, "pi_" + purchase)).isEqualTo("fulfilled");
        UUID assessment = UUID.fromString(expect(api.get("/purchases/" + purchase, trader), 200)
                .get("assessmentId").asString());
        expect(api.post("/assessments/" + assessment + "/start", null, trader), 200);
        expect(api.post("/admin/assessments/" + assessment + "/fail", Map.of("reason", "test breach"), admin), 200);
        return assessment;
    }

    private String pay(UUID purchase, long minor, String paymentIntent) {
        return outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(sessionId(purchase),
                purchase, "paid", minor, "usd", paymentIntent)));
    }

    private String outcome(String event) {
        return expect(LocalStripe.deliver(api, event, SECRET), 200).get("outcome").asString();
    }

    private String sessionId(UUID purchase) {
        return jdbc.sql("SELECT stripe_checkout_session_id FROM purchases WHERE id = ?").param(purchase)
                .query(String.class).single();
    }

    private LocalStripe.Received lastSession() {
        return STRIPE.received().stream().filter(r -> r.path().equals("/v1/checkout/sessions")).toList().getLast();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM purchases").query(Long.class).single();
    }

    private String newTrader() {
        String email = "promo-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        return api.login(email, PASSWORD);
    }

    private static String code(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static LocalStripe start() {
        try {
            return new LocalStripe();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
