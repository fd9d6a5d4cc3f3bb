package com.vaticprop.platform.boot;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The image's HEALTHCHECK probe: 200 is healthy; another status, a refused connection or a hang is not. */
class HealthProbeTest {

    @Test
    void healthyOnlyOn200() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", e -> {
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.createContext("/broken", e -> {
            e.sendResponseHeaders(503, -1);
            e.close();
        });
        server.createContext("/slow", e -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(HealthProbe.check(URI.create(base + "/health"), 1_000)).isTrue();
            assertThat(HealthProbe.check(URI.create(base + "/broken"), 1_000)).isFalse();
            assertThat(HealthProbe.check(URI.create(base + "/slow"), 300)).isFalse();
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(HealthProbe.check(URI.create("http://127.0.0.1:" + closed + "/health"), 1_000)).isFalse();
    }
}
