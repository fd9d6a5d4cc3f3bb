package com.vaticprop.montecarlo;

import com.vaticprop.montecarlo.jobs.JobFeed;
import com.vaticprop.montecarlo.support.Http;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.identity.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One service instance on the shared embedded PostgreSQL and Kafka (its own database), with a local JWKS standing in
 * for core-service. Subclasses share the Spring context. Short lease and sweep so that recovery is quick to watch.
 */
@SpringBootTest(classes = MonteCarloServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = MonteCarloServiceTestBase.SETTINGS)
abstract class MonteCarloServiceTestBase {

    static final String SETTINGS = "vatic.dotenv.disabled=true";
    static final String[] JOB_SETTINGS = {"vatic.montecarlo.lease=3s", "vatic.montecarlo.sweep-interval=500ms",
            "vatic.montecarlo.outbox-interval=100ms", "vatic.montecarlo.min-round-trips=10",
            "vatic.montecarlo.min-days=5", "vatic.montecarlo.max-threads=2", "vatic.montecarlo.workers=1",
            "vatic.montecarlo.max-active-per-user=3"};

    static final TestIdentity IDENTITY = TestIdentity.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, MonteCarloServiceTestBase.class);
        ServiceTestProperties.kafka(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("CORE_JWKS_URL", IDENTITY::jwksUrl);
        for (String s : JOB_SETTINGS) {
            String[] kv = s.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
    }

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobFeed jobFeed;

    Http api;
    final UUID trader = UUID.randomUUID();
    final UUID otherTrader = UUID.randomUUID();
    final UUID adminUser = UUID.randomUUID();
    String traderToken;
    String otherToken;
    String adminToken;

    @BeforeEach
    void serviceReady() {
        api = new Http(environment.getRequiredProperty("local.server.port", Integer.class));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(api.get("/ready", null).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).until(() -> jobFeed.assignedPartitions() > 0);
        traderToken = IDENTITY.accessToken(trader, "TRADER");
        otherToken = IDENTITY.accessToken(otherTrader, "TRADER");
        adminToken = IDENTITY.accessToken(adminUser, "ADMIN");
    }

    static String bootstrap() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    /** Waits for a simulation to reach a finished status and returns its view. */
    JsonNode awaitFinished(String id, String token, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = Http.expect(api.get("/simulations/" + id, token), 200);
            assertThat(last[0].get("status").asString()).isIn("SUCCEEDED", "FAILED", "CANCELLED");
        });
        return last[0];
    }
}
