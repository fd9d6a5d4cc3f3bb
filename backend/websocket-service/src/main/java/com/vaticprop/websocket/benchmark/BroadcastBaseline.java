package com.vaticprop.websocket.benchmark;

import com.vaticprop.websocket.connection.Connection;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.ServerFrames;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The load harness's baseline (backend/benchmarks, {@code websocket-benchmark.sh}): the same Tomcat WebSocket
 * container, the same per-connection {@link Connection} and send queue, but no Kafka, no Redis, no routing and no
 * authentication — a timer thread hands one shared frame to every connected socket, {@code perConnectionPerSecond}
 * times a second, spread evenly over each second. What the routed stream delivers next to this, in the same run on
 * the same machine, is the price of Kafka, ordering, history and subscriptions.
 *
 * <p>Only exists when {@code vatic.ws.benchmark.broadcast-per-second} is set (never in production: the endpoint is
 * unauthenticated). Each frame carries its creation time in micros ({@code data.t = "lt<micros>"}), the marker the
 * harness's client reads for the latency.
 */
final class BroadcastBaseline extends AbstractWebSocketHandler implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(10);

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final double perConnectionPerSecond;
    private final int sendQueueLimit;
    private final Executor writers;
    private final StreamMetrics metrics;
    private final ServerFrames frames;
    private final JsonMapper mapper;
    private final Thread broadcaster;
    private volatile boolean running = true;

    BroadcastBaseline(double perConnectionPerSecond, int sendQueueLimit, Executor writers, StreamMetrics metrics,
                      ServerFrames frames, JsonMapper mapper) {
        this.perConnectionPerSecond = perConnectionPerSecond;
        this.sendQueueLimit = sendQueueLimit;
        this.writers = writers;
        this.metrics = metrics;
        this.frames = frames;
        this.mapper = mapper;
        this.broadcaster = Thread.ofPlatform().name("bench-broadcast").daemon(true).start(this::broadcast);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        connections.put(session.getId(), new Connection(session, sendQueueLimit, writers, metrics));
        metrics.connectionOpened();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (connections.remove(session.getId()) != null) {
            metrics.connectionClosed();
        }
    }

    /** Every tick, the share of the connections that is due gets the tick's frame (round robin). */
    private void broadcast() {
        Connection[] targets = new Connection[0];
        int cursor = 0;
        double due = 0;
        long ticks = 0;
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            double elapsedSeconds = (now - last) / 1e9; // a loaded machine oversleeps: pace by the clock
            last = now;
            if (ticks++ % 10 == 0) {
                targets = connections.values().toArray(Connection[]::new);
            }
            if (targets.length == 0) {
                due = 0;
                continue;
            }
            due += perConnectionPerSecond * targets.length * elapsedSeconds;
            int sends = (int) due;
            due -= sends;
            Instant at = Instant.now();
            String frame = frame(at);
            long atMs = at.toEpochMilli();
            for (int i = 0; i < sends; i++) {
                cursor = cursor >= targets.length ? 0 : cursor;
                targets[cursor++].sendLive(frame, atMs);
            }
        }
    }

    private String frame(Instant now) {
        ObjectNode data = mapper.createObjectNode();
        data.put("t", "lt" + ChronoUnit.MICROS.between(Instant.EPOCH, now));
        return frames.event("bench", null, "bench.broadcast", data);
    }

    @Override
    public void close() {
        running = false;
        broadcaster.interrupt();
    }
}
