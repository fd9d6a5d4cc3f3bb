package com.vaticprop.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The devstack's serving of the trader console, on an ephemeral port: the real page from frontend/console with the
 * content types a browser insists on for module scripts and style sheets, nothing outside that directory, loopback
 * only.
 */
class ConsoleServerTest {

    private static final Path REPO = Path.of(System.getProperty("vatic.root", "../..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConsoleServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePageItsModulesAndStylesWithTheTypesBrowsersRequire() throws Exception {
        server = ConsoleServer.start(REPO, 0);

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");

        // a module script served as anything but JavaScript is refused by the browser: the page would be dead
        List<String> modules;
        try (Stream<Path> files = Files.list(REPO.resolve("frontend/console/js"))) {
            modules = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).toList();
        }
        assertThat(modules).contains("app.js", "api.js", "live.js", "charts.js");
        for (String module : modules) {
            HttpResponse<String> js = get("/js/" + module);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).as(module).hasValue("text/javascript");
        }
        assertThat(get("/console.css").headers().firstValue("Content-Type")).hasValue("text/css");
    }

    @Test
    void servesNothingOutsideTheConsoleDirectory() throws Exception {
        server = ConsoleServer.start(REPO, 0);

        assertThat(get("/../../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/%2e%2e/%2e%2e/pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        server = ConsoleServer.start(REPO, 0);

        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");
    }

    @Test
    void aCheckoutWithoutThePageIsReportedNotServedEmpty(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(elsewhere.resolve("frontend/console"));

        assertThatThrownBy(() -> ConsoleServer.start(elsewhere, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no console page at");
    }

    private HttpResponse<String> get(String path) throws Exception {
        // the raw path goes out as written (no client-side normalisation of "..")
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
