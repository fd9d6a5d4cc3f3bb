package com.vaticprop.websocket.config;

import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.security.PublicPaths;
import com.vaticprop.websocket.auth.StreamAuthenticator;
import com.vaticprop.websocket.auth.TicketRedemption;
import com.vaticprop.websocket.connection.ConnectionRegistry;
import com.vaticprop.websocket.connection.GracefulShutdown;
import com.vaticprop.websocket.connection.Heartbeat;
import com.vaticprop.websocket.connection.StreamHandler;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.history.OwnershipStore;
import com.vaticprop.websocket.history.SnapshotStore;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.ClientMessageParser;
import com.vaticprop.websocket.protocol.ServerFrames;
import com.vaticprop.websocket.routing.EventFeed;
import com.vaticprop.websocket.routing.EventRouter;
import com.vaticprop.websocket.subscription.ChannelIndex;
import com.vaticprop.websocket.subscription.SubscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires the stream: Spring's WebSocket support on the embedded Tomcat (JSR 356 container underneath) with a raw
 * handler at {@code /ws}, the Origin check from CORS_ALLOWED_ORIGINS, Tomcat's inbound frame cap (1009 above it),
 * the Kafka fan-out, the Redis-backed history, and the timers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(StreamSettings.class)
public class StreamConfiguration implements WebSocketConfigurer {

    /** Owners outlive any assessment's event history: an assessment can run for months without events. */
    private static final Duration OWNERSHIP_TTL = Duration.ofDays(400);

    /** Owners kept locally (about 150 bytes each): every assessment a busy replica serves, and then some. */
    private static final int LOCAL_OWNERS = 100_000;

    private final ObjectProvider<StreamHandler> handler;
    private final Environment environment;

    public StreamConfiguration(ObjectProvider<StreamHandler> handler, Environment environment) {
        this.handler = handler;
        this.environment = environment;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        List<String> origins = Arrays.stream(environment.getProperty("vatic.cors.allowed-origins", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        registry.addHandler(handler.getObject(), "/ws").setAllowedOrigins(origins.toArray(String[]::new));
    }

    @Bean
    PublicPaths websocketPublicPaths() {
        // the handshake carries no bearer token: the ticket or the auth frame authenticates the socket
        return new PublicPaths(List.of("/ws"));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(StreamSettings settings) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(settings.maxMessageBytes());
        container.setMaxBinaryMessageBufferSize(ConnectionMemory.MAX_BINARY_MESSAGE_BYTES);
        return container;
    }

    /**
     * Redis commands fail at once while the connection is down, instead of queueing until the command timeout: the
     * fan-out thread writes the history best effort, and two seconds per event would stall the live stream for every
     * client during an outage. Lettuce still reconnects in the background.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    TomcatConnectorCustomizer socketBuffers() {
        return ConnectionMemory.socketBuffers();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamTimer() {
        return Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("ws-timer").daemon(true).factory());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService streamWriters() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ws-writer-", 0).factory());
    }

    @Bean
    StreamMetrics streamMetrics(MeterRegistry registry) {
        return new StreamMetrics(registry);
    }

    @Bean
    ServerFrames serverFrames() {
        return new ServerFrames(VaticJson.mapper());
    }

    @Bean
    EventHistory eventHistory(StringRedisTemplate redis, RedisKeys keys, StreamSettings settings) {
        return new EventHistory(redis, keys, settings.historySize(), settings.historyTtl());
    }

    @Bean
    SnapshotStore snapshotStore(StringRedisTemplate redis, RedisKeys keys, StreamSettings settings) {
        return new SnapshotStore(redis, keys, settings.historyTtl(), settings.snapshotCacheSize());
    }

    @Bean
    OwnershipStore ownershipStore(StringRedisTemplate redis, RedisKeys keys) {
        return new OwnershipStore(redis, keys, OWNERSHIP_TTL, LOCAL_OWNERS);
    }

    @Bean
    StreamAuthenticator streamAuthenticator(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
        return new StreamAuthenticator(environment.getRequiredProperty("vatic.security.jwks-url"),
                new TicketRedemption(redis, keys, Duration.ofSeconds(5)), clock);
    }

    @Bean
    ConnectionRegistry connectionRegistry() {
        return new ConnectionRegistry();
    }

    @Bean
    ChannelIndex channelIndex() {
        return new ChannelIndex();
    }

    @Bean
    SubscriptionService subscriptionService(ChannelIndex index, EventHistory history, SnapshotStore snapshots,
                                            OwnershipStore owners, ServerFrames frames, StreamMetrics metrics,
                                            ScheduledExecutorService streamTimer, StreamSettings settings) {
        return new SubscriptionService(index, history, snapshots, owners, frames, metrics, streamTimer,
                settings.maxSubscriptions(), settings.marketMaxPerSecond(), settings.sendQueueLimit());
    }

    @Bean
    StreamHandler streamHandler(StreamAuthenticator authenticator, ConnectionRegistry registry,
                                SubscriptionService subscriptions, ServerFrames frames, StreamMetrics metrics,
                                StreamSettings settings, ScheduledExecutorService streamTimer,
                                ExecutorService streamWriters, Clock clock) {
        StreamHandler h = new StreamHandler(authenticator, registry, subscriptions,
                new ClientMessageParser(VaticJson.mapper()), frames, metrics, settings, streamTimer, streamWriters,
                clock);
        long period = settings.pingInterval().toMillis();
        streamTimer.scheduleAtFixedRate(new Heartbeat(registry, settings.maxMissedPongs()), period, period,
                TimeUnit.MILLISECONDS);
        return h;
    }

    @Bean
    GracefulShutdown gracefulShutdown(StreamHandler handler, ConnectionRegistry registry, StreamSettings settings) {
        return new GracefulShutdown(handler, registry, settings.shutdownDrain());
    }

    @Bean
    EventRouter eventRouter(EventCodec codec, ServerFrames frames, ChannelIndex index, EventHistory history,
                            SnapshotStore snapshots, OwnershipStore owners, StreamMetrics metrics,
                            StreamSettings settings) {
        return new EventRouter(codec, VaticJson.mapper(), frames, index, history, snapshots, owners, metrics,
                settings.gapTimeout());
    }

    @Bean
    EventFeed eventFeed(ConsumerFactory<?, ?> consumers, EventRouter router, Clock clock, StreamSettings settings,
                        ObjectProvider<TopicInitializer> topics) {
        EventFeed feed = new EventFeed(consumers.getConfigurationProperties(), router, clock,
                settings.startupRewind());
        topics.ifAvailable(t -> feed.waitingFor(t::topicsReady));
        return feed;
    }
}
