package com.vaticprop.marketdata.api;

import com.vaticprop.marketdata.MarketDataServiceApplication;
import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.identity.TestIdentity;
import com.vaticprop.testkit.kafka.TopicReader;
import com.vaticprop.testkit.kafka.TopicReader.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as deployed in the devstack: the simulated feed runs, prices reach all five tick topics, Redis and
 * the REST API; the admin endpoint needs ADMIN; the metrics are on /metrics; the recorder writes the tape.
 */
@SpringBootTest(classes = MarketDataServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"MARKET_DATA_SOURCES=simulated", "MARKET_DATA_SIM_SEED=7", "MARKET_DATA_SIM_INTERVAL_MS=50",
                "MARKET_DATA_SIM_MARKETS=POLY:1234567,KALSHI:KXAPI-1", "MARKET_DATA_SIM_MARKET_MINUTES=0",
                "vatic.dotenv.disabled=true"})
@AutoConfigureMetrics
class MarketDataApiTest {

    private static final List<String> SIMULATED = List.of("BTC-USD", "ETH-USD", "SOL-USD", "POLY:1234567",
            "KALSHI:KXAPI-1:YES", "KALSHI:KXAPI-1:NO");
    private static final TestIdentity IDENTITY = new TestIdentity();
    private static Path recording;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.kafka(registry);
        ServiceTestProperties.redis(registry, MarketDataApiTest.class);
        // embedded brokers started by other classes set spring.kafka.bootstrap-servers JVM-wide; pin ours
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("CORE_JWKS_URL", IDENTITY::jwksUrl);
        recording = Files.createTempFile("market-data-recording", ".jsonl");
        registry.add("MARKET_DATA_RECORD_FILE", () -> recording.toString());
    }

    @AfterAll
    static void stopTokens() throws IOException {
        IDENTITY.close();
        Files.deleteIfExists(recording);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    TopicInitializer topics;
    @Autowired
    QuoteCache cache;
    @Autowired
    PublishingPipeline pipeline;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void pricesAreFlowing() {
        await().atMost(Duration.ofSeconds(60)).until(topics::topicsReady);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.instruments().containsAll(SIMULATED)
                && cache.all().size() >= SIMULATED.size());
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return VaticJson.mapper().readTree(response.body());
    }

    @Test
    void simulatedPricesReachAllFiveTickTopicsAndStatusTopic() {
        Set<String> tickTopics = Set.of(Topic.BTC_TICKS, Topic.ETH_TICKS, Topic.SOL_TICKS, Topic.POLYMARKET_TICKS,
                Topic.KALSHI_TICKS).stream().map(Topic::topicName).collect(Collectors.toSet());
        try (TopicReader<EventEnvelope<EventData>> reader =
                new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(),
                List.of(Topic.BTC_TICKS.topicName(), Topic.ETH_TICKS.topicName(), Topic.SOL_TICKS.topicName(),
                        Topic.POLYMARKET_TICKS.topicName(), Topic.KALSHI_TICKS.topicName(),
                        Topic.MARKET_STATUS.topicName()), new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var simulated = reader.matching(r -> r.value().data() instanceof MarketTick t
                        && t.venue().equals("simulated") && SIMULATED.contains(t.instrument()));
                assertThat(simulated.stream().map(Received::topic).collect(Collectors.toSet()))
                        .containsAll(tickTopics);
                assertThat(simulated).allSatisfy(r -> assertThat(r.key())
                        .isEqualTo(((MarketTick) r.value().data()).instrument()));
                assertThat(reader.matching(r -> r.topic().equals(Topic.MARKET_STATUS.topicName())
                        && "KALSHI:KXAPI-1:NO".equals(r.key()))).isNotEmpty();
            });
        }
    }

    @Test
    void oneInstrumentsPriceWithAge() {
        HttpResponse<String> response = get("/prices/BTC-USD", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode quote = json(response);
        assertThat(quote.get("instrument").asString()).isEqualTo("BTC-USD");
        assertThat(quote.get("venue").asString()).isEqualTo("simulated");
        assertThat(quote.get("bid").isString()).as("decimals are strings").isTrue();
        assertThat(new BigDecimal(quote.get("bid").asString())).isLessThan(new BigDecimal(quote.get("ask").asString()));
        assertThat(quote.get("ageMs").asLong()).isBetween(0L, 5000L);
        assertThat(quote.get("stale").asBoolean()).isFalse();
        assertThat(quote.get("staleAfterMs").asLong()).isEqualTo(5000);
        assertThat(Instant.parse(quote.get("confirmedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(quote.get("receivedTs").asString()));

        JsonNode kalshi = json(get("/prices/KALSHI:KXAPI-1:NO", null));
        assertThat(kalshi.get("staleAfterMs").asLong()).isEqualTo(120_000);
    }

    @Test
    void allPricesAndInstruments() {
        JsonNode prices = json(get("/prices", null));
        Set<String> ids = prices.valueStream().map(p -> p.get("instrument").asString()).collect(Collectors.toSet());
        assertThat(ids).containsAll(SIMULATED);

        HttpResponse<String> instruments = get("/instruments", null);
        assertThat(instruments.statusCode()).isEqualTo(200);
        JsonNode yes = json(instruments).valueStream().filter(i -> i.get("id").asString().equals("KALSHI:KXAPI-1:YES"))
                .findFirst().orElseThrow();
        assertThat(yes.get("venue").asString()).isEqualTo("KALSHI");
        assertThat(yes.get("assetClass").asString()).isEqualTo("PREDICTION_MARKET");
        assertThat(yes.get("market").asString()).isEqualTo("KXAPI-1");
        assertThat(yes.get("outcome").asString()).isEqualTo("YES");
        assertThat(yes.get("topic").asString()).isEqualTo("market-data.kalshi-ticks");
        assertThat(yes.get("status").asString()).isEqualTo("OPEN");

        HttpResponse<String> history = get("/prices/ETH-USD/history?limit=5", null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json(history).size()).isBetween(1, 5);
    }

    @Test
    void malformedIdsAre400AndUnknownOnes404AsProblemJson() {
        for (String bad : List.of("BTC-EUR", "KALSHI:KXAPI-1:MAYBE", "POLY:", "btc-usd")) {
            HttpResponse<String> response = get("/prices/" + bad, null);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).get("type").asString()).endsWith("/invalid-instrument");
        }
        HttpResponse<String> unknown = get("/prices/POLY:999999", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(unknown).get("status").asInt()).isEqualTo(404);
        assertThat(get("/prices/BTC-USD/history?limit=0", null).statusCode()).isEqualTo(400);
    }

    @Test
    void feedStatusIsForAdminsOnly() {
        assertThat(get("/admin/feeds", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/feeds", IDENTITY.accessToken("TRADER")).statusCode()).isEqualTo(403);
        HttpResponse<String> response = get("/admin/feeds", IDENTITY.accessToken("ADMIN"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode simulated = json(response).valueStream().filter(f -> f.get("source").asString().equals("simulated"))
                .findFirst().orElseThrow();
        assertThat(simulated.get("enabled").asBoolean()).isTrue();
        assertThat(simulated.get("status").get("state").asString()).isEqualTo("RUNNING");
        assertThat(simulated.get("status").get("counters").get("steps").asLong()).isPositive();
        assertThat(simulated.get("status").get("lastMessageAt").isString()).isTrue();
    }

    @Test
    void metricsCoverSourcesRejectionsLatencyAndStaleness() {
        Instant now = Instant.now();
        pipeline.tick(new MarketTick("ETH-USD", "metrics-test", new BigDecimal("10"), new BigDecimal("9"), null, null,
                null, null, now, now, null));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = get("/metrics", null).body();
            assertThat(metrics)
                    .contains("marketdata_source_messages_total{kind=\"tick\",source=\"simulated\"}")
                    .contains("marketdata_ticks_published_total{topic=\"market-data.btc-ticks\"}")
                    .contains("marketdata_ticks_rejected_total{reason=\"crossed\",venue=\"metrics-test\"} 1.0")
                    .contains("marketdata_publish_latency_seconds_bucket{topic=\"market-data.kalshi-ticks\"")
                    .contains("marketdata_quote_staleness_seconds{instrument=\"BTC-USD\"}")
                    .contains("marketdata_source_events_total{event=\"reconnects\",source=\"simulated\"}")
                    .contains("marketdata_source_events_total{event=\"steps\",source=\"simulated\"}");
        });
    }

    @Test
    void theRecorderWritesEveryDeliveredCallAsANormalizedFrame() throws IOException {
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.size(recording) > 0);
        String first = Files.readAllLines(recording).get(0);
        JsonNode line = VaticJson.mapper().readTree(first);
        assertThat(line.get("venue").asString()).isEqualTo("normalized");
        assertThat(line.get("frame").asString()).startsWith("{\"kind\":");
    }
}
