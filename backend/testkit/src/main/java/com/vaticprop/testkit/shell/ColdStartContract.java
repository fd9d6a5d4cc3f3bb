package com.vaticprop.testkit.shell;

import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service started while none of its dependencies is up must still start, stay live, report itself not ready
 * naming every missing dependency, and become ready by itself (its retries with backoff) once they come up.
 * A service's test extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and
 * {@code @DedicatedServers(value = {...}, started = false)}.
 */
public abstract class ColdStartContract {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private Environment environment;

    protected DedicatedInfrastructure infrastructure() {
        return DedicatedInfrastructure.of(getClass());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsWithoutItsDependenciesAndBecomesReadyWhenTheyArrive() throws Exception {
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        for (Server server : infrastructure().servers()) {
            assertThat(ready.body()).contains("\"" + server.name().toLowerCase(Locale.ROOT) + "\":{\"status\":\"DOWN\"");
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);

        for (Server server : infrastructure().servers()) {
            infrastructure().start(server);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> now = get("/ready");
            assertThat(now.statusCode()).as("ready: %s", now.body()).isEqualTo(200);
        });
    }
}
