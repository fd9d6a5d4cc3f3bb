package com.vaticprop.core.purchase;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.PurchaseEvent;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.kafka.TopicReader;
import com.vaticprop.testkit.kafka.TopicReader.Received;
import org.junit.jupiter.api.AfterAll;
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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purchases through Stripe Checkout against {@link LocalStripe}, and every webhook case: fulfilment, replays,
 * signatures, declines then success, amount mismatch, async payments, expiry, out-of-order delivery and refunds.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true",
                "vatic.identity.login.max-attempts-per-ip=10000",
                "STRIPE_SECRET_KEY=" + PurchaseApiTest.STRIPE_KEY,
                "STRIPE_WEBHOOK_SECRET=" + PurchaseApiTest.WEBHOOK_SECRET,
                "CHECKOUT_SUCCESS_URL=https://app.vaticprop.test/purchases/{PURCHASE_ID}?paid=1",
                "CHECKOUT_CANCEL_URL=https://app.vaticprop.test/tiers?cancelled={PURCHASE_ID}"})
@ExtendWith(OutputCaptureExtension.class)
class PurchaseApiTest {

    static final String STRIPE_KEY = "sk_test_local_51Hvatic0000secret";
    static final String WEBHOOK_SECRET = "whsec_local_test_0f3a9c77";
    private static final String PASSWORD = "correct horse battery staple";
    private static final UUID TWO_STEP = DevelopmentSeed.tierId("Crypto Two-Step 100K");
    private static final long TWO_STEP_MINOR = 54_900;

    private static final LocalStripe STRIPE = start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, PurchaseApiTest.class);
        ServiceTestProperties.redis(registry, PurchaseApiTest.class);
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
    private String trader;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
        STRIPE.failWith(0);
        trader = newTrader();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // End to end
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void registerLoginBuyPayAndTheAssessmentIsCreatedWithItsEventsOnKafka() {
        String email = "buyer-" + UUID.randomUUID() + "@example.com";
        String userId = api.register(email, PASSWORD);
        String token = api.login(email, PASSWORD);
        JsonNode tiers = expect(api.get("/tiers", null), 200);
        JsonNode tier = null;
        for (JsonNode t : tiers) {
            if (t.get("id").asString().equals(TWO_STEP.toString())) {
                tier = t;
            }
        }
        assertThat(tier).as("the seeded tier is on sale").isNotNull();

        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(),
                List.of(Topic.ASSESSMENT_CREATED.topicName(), Topic.PURCHASE_COMPLETED.topicName()),
                new EventCodec()::decode)) {
            JsonNode purchase = expect(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), token), 201);
            UUID purchaseId = UUID.fromString(purchase.get("id").asString());
            assertThat(purchase.get("status").asString()).isEqualTo("PENDING");
            assertThat(purchase.get("amount").asString()).isEqualTo("549.00");
            assertThat(purchase.get("tierVersion").asInt()).isEqualTo(tier.get("version").asInt());
            assertThat(purchase.get("checkoutUrl").asString()).startsWith("https://checkout.stripe.com/c/pay/cs_test");

            // what stripe-java actually sent to the (local) Stripe API
            LocalStripe.Received sent = lastSessionRequest();
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + STRIPE_KEY);
            assertThat(sent.header("Idempotency-Key")).isEqualTo("purchase-" + purchaseId);
            assertThat(sent.form()).containsEntry("mode", "payment")
                    .containsEntry("line_items[0][quantity]", "1")
                    .containsEntry("line_items[0][price_data][unit_amount]", "54900")
                    .containsEntry("line_items[0][price_data][currency]", "usd")
                    .containsEntry("line_items[0][price_data][product_data][name]", "Crypto Two-Step 100K")
                    .containsEntry("metadata[purchaseId]", purchaseId.toString())
                    .containsEntry("payment_intent_data[metadata][purchaseId]", purchaseId.toString())
                    .containsEntry("client_reference_id", purchaseId.toString())
                    .containsEntry("customer_email", email)
                    .containsEntry("success_url", "https://app.vaticprop.test/purchases/" + purchaseId + "?paid=1")
                    .containsEntry("cancel_url", "https://app.vaticprop.test/tiers?cancelled=" + purchaseId);

            String sessionId = storedSessionId(purchaseId);
            JsonNode ack = expect(deliver(StripeEvents.event("checkout.session.completed",
                    StripeEvents.session(sessionId, purchaseId, "paid", TWO_STEP_MINOR, "usd", "pi_e2e_1"))), 200);
            assertThat(ack.get("outcome").asString()).isEqualTo("fulfilled");

            JsonNode completed = expect(api.get("/purchases/" + purchaseId, token), 200);
            assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(completed.has("checkoutUrl")).isFalse();
            UUID assessmentId = UUID.fromString(completed.get("assessmentId").asString());
            assertThat(jdbc.sql("SELECT status FROM assessments WHERE id = ?").param(assessmentId)
                    .query(String.class).single()).isEqualTo("CREATED");
            assertThat(jdbc.sql("SELECT balance FROM virtual_accounts WHERE assessment_id = ?").param(assessmentId)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("100000");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var all = kafka.poll();
                var created = only(all, Topic.ASSESSMENT_CREATED,
                        r -> assessmentId.equals(r.value().assessmentId()));
                assertThat(created.key()).isEqualTo(assessmentId.toString());
                assertThat(created.value().seq()).isEqualTo(1L);
                assertThat(created.value().userId()).isEqualTo(UUID.fromString(userId));
                AssessmentCreated data = (AssessmentCreated) created.value().data();
                assertThat(data.userId()).isEqualTo(UUID.fromString(userId));
                assertThat(data.tierId()).isEqualTo(TWO_STEP);
                assertThat(data.initialBalance()).isEqualByComparingTo("100000");
                assertThat(data.ruleSet().get("phases").size()).isEqualTo(2);
                assertThat(data.ruleSet().get("maxLoss").get("pct").asString()).isEqualTo("10");
                var paid = only(all, Topic.PURCHASE_COMPLETED,
                        r -> ((PurchaseEvent) r.value().data()).purchaseId().equals(purchaseId));
                assertThat(paid.key()).isEqualTo(purchaseId.toString());
                PurchaseEvent payment = (PurchaseEvent) paid.value().data();
                assertThat(payment.amount()).isEqualByComparingTo("549.00");
                assertThat(payment.currency()).isEqualTo("USD");
                assertThat(payment.stripeEventId()).startsWith("evt_test_");
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Webhook
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aReplayedEventFulfilsOnceEvenWhenDeliveredTenTimesConcurrently() throws Exception {
        UUID purchaseId = buy(trader);
        String event = StripeEvents.event("checkout.session.completed",
                StripeEvents.session(storedSessionId(purchaseId), purchaseId, "paid", TWO_STEP_MINOR, "usd", "pi_r1"));
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> deliver(event)));
            }
            for (Future<HttpResponse<String>> f : sent) {
                outcomes.add(expect(f.get(), 200).get("outcome").asString());
            }
        }
        assertThat(outcomes).containsOnlyOnce("fulfilled").filteredOn(o -> !o.equals("fulfilled"))
                .containsOnly("duplicate");
        assertThat(count("SELECT count(*) FROM assessments WHERE purchase_id = ?", purchaseId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE event_type = 'payment.purchase-completed' "
                + "AND payload -> 'data' ->> 'purchaseId' = ?", purchaseId.toString())).isEqualTo(1);
        // and later, sequentially, still nothing
        assertThat(expect(deliver(event), 200).get("outcome").asString()).isEqualTo("duplicate");
    }

    @Test
    void badSignaturesTamperedBodiesAndOldTimestampsAre400AndChangeNothing() {
        UUID purchaseId = buy(trader);
        String event = StripeEvents.event("checkout.session.completed",
                StripeEvents.session(storedSessionId(purchaseId), purchaseId, "paid", TWO_STEP_MINOR, "usd", "pi_s1"));
        String eventId = VaticJson.mapper().readTree(event).get("id").asString();

        assertProblem(deliverSigned(event, LocalStripe.sign(event, "whsec_someone_else", Instant.now())),
                400, "bad-signature");
        assertProblem(deliverSigned(event.replace("54900", "100"), LocalStripe.sign(event, WEBHOOK_SECRET,
                Instant.now())), 400, "bad-signature");
        assertProblem(deliverSigned(event, LocalStripe.sign(event, WEBHOOK_SECRET,
                Instant.now().minus(Duration.ofMinutes(6)))), 400, "bad-signature");
        assertProblem(deliverSigned(event, null), 400, "bad-signature");
        assertProblem(deliverSigned(event, "t=abc,v1=zz"), 400, "bad-signature");

        assertThat(count("SELECT count(*) FROM stripe_events WHERE id = ?", eventId)).isZero();
        assertThat(status(purchaseId)).isEqualTo("PENDING");
        // the genuine delivery still works afterwards
        assertThat(expect(deliver(event), 200).get("outcome").asString()).isEqualTo("fulfilled");
    }

    @Test
    void unknownEventTypesAndForeignObjectsAreAcknowledgedWithoutEffect() {
        UUID purchaseId = buy(trader);
        var object = StripeEvents.session(storedSessionId(purchaseId), purchaseId, "paid", TWO_STEP_MINOR, "usd",
                null);
        assertThat(expect(deliver(StripeEvents.event("customer.created", object)), 200).get("outcome").asString())
                .isEqualTo("ignored");
        var foreign = StripeEvents.session("cs_not_ours", UUID.randomUUID(), "paid", 100, "usd", null);
        assertThat(expect(deliver(StripeEvents.event("checkout.session.completed", foreign)), 200)
                .get("outcome").asString()).isEqualTo("unmatched");
        assertProblem(deliver("{\"hello\": \"world\"}"), 400, "bad-event");
        assertThat(status(purchaseId)).isEqualTo("PENDING");
    }

    @Test
    void aDeclinedCardThenASuccessfulRetryFulfils() {
        UUID purchaseId = buy(trader);
        assertThat(outcome(StripeEvents.event("payment_intent.payment_failed",
                StripeEvents.failedPaymentIntent("pi_decl_1", purchaseId, TWO_STEP_MINOR, "card_declined"))))
                .isEqualTo("attempt-failed");
        JsonNode afterDecline = expect(api.get("/purchases/" + purchaseId, trader), 200);
        assertThat(afterDecline.get("status").asString()).isEqualTo("PENDING");
        assertThat(afterDecline.get("failureReason").asString()).contains("card_declined");

        assertThat(outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(
                storedSessionId(purchaseId), purchaseId, "paid", TWO_STEP_MINOR, "usd", "pi_decl_1"))))
                .isEqualTo("fulfilled");
        JsonNode done = expect(api.get("/purchases/" + purchaseId, trader), 200);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.has("failureReason")).isFalse();
    }

    @Test
    void aPaymentOfAnotherAmountOrCurrencyNeverFulfils() {
        UUID wrongAmount = buy(trader);
        assertThat(outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(
                storedSessionId(wrongAmount), wrongAmount, "paid", TWO_STEP_MINOR - 1, "usd", "pi_amt_1"))))
                .isEqualTo("amount-mismatch");
        UUID wrongCurrency = buy(trader);
        assertThat(outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(
                storedSessionId(wrongCurrency), wrongCurrency, "paid", TWO_STEP_MINOR, "eur", "pi_cur_1"))))
                .isEqualTo("amount-mismatch");
        for (UUID id : List.of(wrongAmount, wrongCurrency)) {
            assertThat(status(id)).isEqualTo("FAILED");
            assertThat(count("SELECT count(*) FROM assessments WHERE purchase_id = ?", id)).isZero();
            assertThat(count("SELECT count(*) FROM outbox WHERE event_type = 'payment.purchase-failed' "
                    + "AND payload -> 'data' ->> 'purchaseId' = ?", id.toString())).isEqualTo(1);
        }
    }

    @Test
    void asynchronousPaymentsWaitThenSucceedOrFail() {
        UUID succeeds = buy(trader);
        String session = storedSessionId(succeeds);
        assertThat(outcome(StripeEvents.event("checkout.session.completed",
                StripeEvents.session(session, succeeds, "unpaid", TWO_STEP_MINOR, "usd", "pi_async_1"))))
                .isEqualTo("awaiting-payment");
        assertThat(status(succeeds)).isEqualTo("PENDING");
        assertThat(outcome(StripeEvents.event("checkout.session.async_payment_succeeded",
                StripeEvents.session(session, succeeds, "paid", TWO_STEP_MINOR, "usd", "pi_async_1"))))
                .isEqualTo("fulfilled");
        assertThat(status(succeeds)).isEqualTo("COMPLETED");

        UUID fails = buy(trader);
        assertThat(outcome(StripeEvents.event("checkout.session.async_payment_failed", StripeEvents.session(
                storedSessionId(fails), fails, "unpaid", TWO_STEP_MINOR, "usd", "pi_async_2"))))
                .isEqualTo("failed");
        assertThat(status(fails)).isEqualTo("FAILED");
        assertThat(count("SELECT count(*) FROM assessments WHERE purchase_id = ?", fails)).isZero();
    }

    @Test
    void expiryOnlyEndsAnUnpaidPurchaseAndALateExpiryChangesNothing() {
        UUID unpaid = buy(trader);
        assertThat(outcome(StripeEvents.event("checkout.session.expired", StripeEvents.session(
                storedSessionId(unpaid), unpaid, "unpaid", TWO_STEP_MINOR, "usd", null)))).isEqualTo("expired");
        assertThat(status(unpaid)).isEqualTo("EXPIRED");

        UUID paid = buy(trader);
        String session = storedSessionId(paid);
        assertThat(outcome(StripeEvents.event("checkout.session.completed",
                StripeEvents.session(session, paid, "paid", TWO_STEP_MINOR, "usd", "pi_exp_1"))))
                .isEqualTo("fulfilled");
        assertThat(outcome(StripeEvents.event("checkout.session.expired",
                StripeEvents.session(session, paid, "unpaid", TWO_STEP_MINOR, "usd", null))))
                .isEqualTo("already-completed");
        assertThat(status(paid)).isEqualTo("COMPLETED");
    }

    @Test
    void aFullRefundAbandonsTheAssessmentWithReasonRefund() {
        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(),
                List.of(Topic.ASSESSMENT_ABANDONED.topicName(), Topic.PURCHASE_REFUNDED.topicName()),
                new EventCodec()::decode)) {
            UUID purchaseId = buy(trader);
            String pi = "pi_refund_" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(
                    storedSessionId(purchaseId), purchaseId, "paid", TWO_STEP_MINOR, "usd", pi))))
                    .isEqualTo("fulfilled");
            UUID assessmentId = UUID.fromString(expect(api.get("/purchases/" + purchaseId, trader), 200)
                    .get("assessmentId").asString());

            // the charge names only its PaymentIntent: partial refunds are recorded, a full one ends the purchase
            assertThat(outcome(StripeEvents.event("charge.refunded", StripeEvents.charge(pi, TWO_STEP_MINOR, 1000))))
                    .isEqualTo("partial-refund");
            assertThat(status(purchaseId)).isEqualTo("COMPLETED");
            String full = StripeEvents.event("charge.refunded", StripeEvents.charge(pi, TWO_STEP_MINOR,
                    TWO_STEP_MINOR));
            assertThat(outcome(full)).isEqualTo("refunded");
            assertThat(outcome(full)).isEqualTo("duplicate");

            JsonNode refunded = expect(api.get("/purchases/" + purchaseId, trader), 200);
            assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(refunded.get("refundedAt").asString()).isNotBlank();
            Map<String, Object> row = jdbc.sql("SELECT status, abandon_reason, last_seq FROM assessments WHERE id = ?")
                    .param(assessmentId).query().singleRow();
            assertThat(row).containsEntry("status", "ABANDONED").containsEntry("abandon_reason", "REFUND")
                    .containsEntry("last_seq", 2L);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var all = kafka.poll();
                var abandoned = only(all, Topic.ASSESSMENT_ABANDONED,
                        r -> assessmentId.equals(r.value().assessmentId()));
                assertThat(abandoned.value().seq()).isEqualTo(2L);
                assertThat(((AssessmentStateChanged) abandoned.value().data()).reason()).isEqualTo("REFUND");
                only(all, Topic.PURCHASE_REFUNDED, r -> ((PurchaseEvent) r.value().data()).purchaseId()
                        .equals(purchaseId));
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Buying and reading
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void badPurchaseRequestsAre4xxAndCreateNothing() {
        long before = count("SELECT count(*) FROM purchases");
        assertProblem(api.post("/purchases", Map.of("tierId", UUID.randomUUID().toString()), trader), 404,
                "not-found");
        assertProblem(api.post("/purchases", Map.of("tierId", "not-a-uuid"), trader), 400, "validation");
        assertProblem(api.post("/purchases", Map.of(), trader), 400, "validation");
        assertProblem(api.post("/purchases", "{\"tierId\": ", trader), 400, "malformed-body");
        assertProblem(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), null), 401, "unauthenticated");

        String admin = api.adminLogin();
        JsonNode created = expect(api.post("/tiers", Map.of("name", "Withdrawn " + UUID.randomUUID(),
                "price", "10.00", "currency", "USD",
                "ruleSet", expect(api.get("/tiers/" + TWO_STEP, null), 200).get("ruleSet")), admin), 201);
        String withdrawn = created.get("id").asString();
        expect(api.post("/tiers/" + withdrawn + "/deactivate", null, admin), 200);
        assertProblem(api.post("/purchases", Map.of("tierId", withdrawn), trader), 409, "tier-not-for-sale");
        assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(before);
    }

    @Test
    void aTraderSeesOnlyTheirOwnPurchases() {
        UUID mine = buy(trader);
        String other = newTrader();
        UUID theirs = buy(other);

        assertProblem(api.get("/purchases/" + theirs, trader), 404, "not-found");
        assertProblem(api.get("/purchases/" + mine, other), 404, "not-found");
        List<String> listed = new ArrayList<>();
        expect(api.get("/purchases", trader), 200).forEach(p -> listed.add(p.get("id").asString()));
        assertThat(listed).containsExactly(mine.toString());
        String admin = api.adminLogin();
        assertThat(expect(api.get("/purchases/" + theirs, admin), 200).get("id").asString())
                .isEqualTo(theirs.toString());
    }

    @Test
    void whenStripeIsDownTheTraderGets502AndThePurchaseIsMarkedFailed() {
        STRIPE.failWith(500);
        long before = count("SELECT count(*) FROM purchases WHERE status = 'FAILED'");
        assertProblem(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), trader), 502,
                "payment-provider-unavailable");
        assertThat(count("SELECT count(*) FROM purchases WHERE status = 'FAILED'")).isEqualTo(before + 1);
        STRIPE.failWith(0);
        assertThat(buy(trader)).isNotNull();
    }

    @Test
    void noSecretPasswordOrTokenReachesTheLogs(CapturedOutput output) {
        UUID purchaseId = buy(trader);
        outcome(StripeEvents.event("checkout.session.completed", StripeEvents.session(storedSessionId(purchaseId),
                purchaseId, "paid", TWO_STEP_MINOR, "usd", "pi_log_1")));
        STRIPE.failWith(402);
        api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), trader);
        STRIPE.failWith(0);
        assertThat(output.getAll()).contains("purchase completed id=" + purchaseId)
                .doesNotContain(STRIPE_KEY).doesNotContain(WEBHOOK_SECRET).doesNotContain(PASSWORD)
                .doesNotContain(trader);
    }

    @Test
    void theOpenApiDocumentDescribesPurchasesAndTheWebhook() {
        JsonNode openapi = expect(api.get("/openapi", null), 200);
        assertThat(openapi.get("paths").has("/purchases")).isTrue();
        assertThat(openapi.get("paths").get("/purchases").has("post")).isTrue();
        assertThat(openapi.get("paths").get("/purchases").has("get")).isTrue();
        assertThat(openapi.get("paths").has("/purchases/{id}")).isTrue();
        assertThat(openapi.get("paths").get("/webhooks/stripe").has("post")).isTrue();
        JsonNode purchase = openapi.get("components").get("schemas").get("Purchase");
        assertThat(purchase.get("properties").has("checkoutUrl")).isTrue();
        assertThat(purchase.get("properties").has("assessmentId")).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static LocalStripe start() {
        try {
            return new LocalStripe();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String newTrader() {
        String email = "trader-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        return api.login(email, PASSWORD);
    }

    private UUID buy(String token) {
        JsonNode purchase = expect(api.post("/purchases", Map.of("tierId", TWO_STEP.toString()), token), 201);
        return UUID.fromString(purchase.get("id").asString());
    }

    private LocalStripe.Received lastSessionRequest() {
        List<LocalStripe.Received> all = STRIPE.received();
        assertThat(all).isNotEmpty();
        LocalStripe.Received last = all.getLast();
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.path()).isEqualTo("/v1/checkout/sessions");
        return last;
    }

    private String storedSessionId(UUID purchaseId) {
        return jdbc.sql("SELECT stripe_checkout_session_id FROM purchases WHERE id = ?").param(purchaseId)
                .query(String.class).single();
    }

    private String status(UUID purchaseId) {
        return jdbc.sql("SELECT status FROM purchases WHERE id = ?").param(purchaseId).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String outcome(String event) {
        return expect(deliver(event), 200).get("outcome").asString();
    }

    private HttpResponse<String> deliver(String payload) {
        return deliverSigned(payload, LocalStripe.sign(payload, WEBHOOK_SECRET, Instant.now()));
    }

    private HttpResponse<String> deliverSigned(String payload, String signature) {
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json; charset=utf-8")
                : Map.of("Content-Type", "application/json; charset=utf-8", "Stripe-Signature", signature);
        return api.send("POST", "/webhooks/stripe", payload, null, headers);
    }

    private static Received<EventEnvelope<EventData>> only(List<Received<EventEnvelope<EventData>>> all, Topic topic,
            java.util.function.Predicate<Received<EventEnvelope<EventData>>> which) {
        var matching = all.stream().filter(r -> r.topic().equals(topic.topicName())).filter(which)
                .toList();
        assertThat(matching).as(topic.topicName()).hasSize(1);
        return matching.getFirst();
    }
}
