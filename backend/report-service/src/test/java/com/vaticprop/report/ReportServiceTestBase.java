package com.vaticprop.report;

import com.vaticprop.report.readmodel.ReportFeed;
import com.vaticprop.report.support.ReportEvents;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.identity.TestIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One report-service on the shared embedded PostgreSQL (its own database) and Kafka, with a local JWKS standing in
 * for core-service. Subclasses share the Spring context; each test uses fresh assessment ids.
 */
@SpringBootTest(classes = ReportServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vatic.dotenv.disabled=true", "vatic.report.generation-interval=200ms"})
abstract class ReportServiceTestBase {

    static final TestIdentity IDENTITY = TestIdentity.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, ReportServiceTestBase.class);
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("CORE_JWKS_URL", IDENTITY::jwksUrl);
    }

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportFeed feed;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ReportEvents> histories = new ArrayList<>();
    final UUID trader = UUID.randomUUID();
    final UUID tier = UUID.randomUUID();
    String traderToken;
    String otherToken;
    String adminToken;

    @BeforeEach
    void serviceReady() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(get("/ready", null).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).until(feed::assigned);
        traderToken = IDENTITY.accessToken(trader, "TRADER");
        otherToken = IDENTITY.accessToken(UUID.randomUUID(), "TRADER");
        adminToken = IDENTITY.accessToken(UUID.randomUUID(), "ADMIN");
    }

    @AfterEach
    void closeProducers() {
        histories.forEach(ReportEvents::close);
    }

    ReportEvents history() {
        ReportEvents h = new ReportEvents(TestInfrastructure.kafka().bootstrapServers(), UUID.randomUUID(), trader,
                tier);
        histories.add(h);
        return h;
    }

    HttpResponse<byte[]> get(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port") + path)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return VaticJson.mapper().readTree(r.body());
    }

    static JsonNode expectJson(HttpResponse<byte[]> r, int status) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(status);
        return json(r);
    }

    /** Asserts a problem+json of this status and type. */
    static void problem(HttpResponse<byte[]> r, int status, String type) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(r).get("type").asString()).isEqualTo("https://vaticprop.com/problems/" + type);
    }

    /** Waits until the read model has applied the assessment's events up to {@code seq}. */
    void awaitApplied(UUID assessmentId, long seq, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                        "SELECT last_seq FROM consumer_seq_cursor WHERE consumer = 'report-read-model' "
                                + "AND assessment_id = ?").param(assessmentId).query(Long.class).optional().orElse(0L)
                >= seq);
    }

    /** Waits until the stored report is READY and returns the status body. */
    JsonNode awaitReady(UUID assessmentId, String which, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            last[0] = expectJson(get("/reports/" + assessmentId + "/status", adminToken), 200);
            assertThat(last[0].get(which).get("status").asString()).isEqualTo("READY");
        });
        return last[0];
    }
}
