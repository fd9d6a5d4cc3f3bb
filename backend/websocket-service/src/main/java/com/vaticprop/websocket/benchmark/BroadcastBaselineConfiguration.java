package com.vaticprop.websocket.benchmark;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.security.PublicPaths;
import com.vaticprop.websocket.config.StreamSettings;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.ServerFrames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Registers the benchmark baseline at {@code /bench/broadcast} — only when
 * {@code vatic.ws.benchmark.broadcast-per-second} is set, which nothing but the load harness does. Off by default:
 * the endpoint has no authentication.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vatic.ws.benchmark.broadcast-per-second")
class BroadcastBaselineConfiguration implements WebSocketConfigurer {

    static final String PATH = "/bench/broadcast";

    private final ObjectProvider<BroadcastBaseline> baseline;

    BroadcastBaselineConfiguration(ObjectProvider<BroadcastBaseline> baseline) {
        this.baseline = baseline;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(baseline.getObject(), PATH);
    }

    @Bean
    BroadcastBaseline broadcastBaseline(
            @org.springframework.beans.factory.annotation.Value("${vatic.ws.benchmark.broadcast-per-second}")
            double perConnectionPerSecond, StreamSettings settings, ExecutorService streamWriters,
            StreamMetrics metrics, ServerFrames frames) {
        return new BroadcastBaseline(perConnectionPerSecond, settings.sendQueueLimit(), streamWriters, metrics,
                frames, VaticJson.mapper());
    }

    @Bean
    PublicPaths broadcastBaselinePublicPaths() {
        return new PublicPaths(List.of(PATH));
    }
}
