package com.vaticprop.testkit.shell;

import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service shell must do, run against each service with servers of its own: answer /health, /ready,
 * /metrics and /openapi, and report each of its dependencies going away (not ready, still live) and coming back.
 * A service's test extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and
 * {@code @DedicatedServers({...})} naming its dependencies.
 */
@AutoConfigureMetrics
public abstract class ServiceShellContract {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private Environment environment;

    /** The class's own servers, from its {@link com.vaticprop.testkit.DedicatedServers} annotation. */
    protected DedicatedInfrastructure infrastructure() {
        return DedicatedInfrastructure.of(getClass());
    }

    protected String serviceName() {
        return environment.getRequiredProperty("spring.application.name");
    }

    protected HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + environment.getProperty("local.server.port") + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/ready");
            assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
        });
    }

    @Test
    void healthAnswersWithTheServiceName() {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"service\":\"" + serviceName() + "\"");
    }

    @Test
    void readyListsEveryDependencyUp() {
        awaitReady();
        String body = get("/ready").body();
        for (Server server : infrastructure().servers()) {
            assertThat(body).contains("\"" + server.name().toLowerCase() + "\":{\"status\":\"UP\"");
        }
    }

    @Test
    void metricsArePrometheusText() {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void openApiDescribesTheOperations() {
        HttpResponse<String> response = get("/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"").contains("/ready").contains("/health");
    }

    @Test
    void unknownRouteIsProblemJson404() {
        HttpResponse<String> response = get("/no-such-route");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void readinessFollowsEachDependencyDownAndBackUp() {
        awaitReady();
        for (Server server : infrastructure().servers()) {
            String name = server.name().toLowerCase();
            infrastructure().stop(server);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                HttpResponse<String> ready = get("/ready");
                assertThat(ready.statusCode()).as("ready while %s is down", name).isEqualTo(503);
                assertThat(ready.body()).contains("\"" + name + "\":{\"status\":\"DOWN\"");
            });
            assertThat(get("/health").statusCode()).as("liveness while %s is down", name).isEqualTo(200);
            infrastructure().start(server);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> ready = get("/ready");
                assertThat(ready.statusCode()).as("ready after %s returned: %s", name, ready.body()).isEqualTo(200);
            });
        }
    }
}
