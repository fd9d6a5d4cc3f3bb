package com.vaticprop.demo;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The trader's WebSocket: a single-use ticket from core-service, then {@code subscribe}s; every server frame is kept
 * in arrival order so the demo can check what arrived live.
 */
final class LiveStream implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private LiveStream(String wsBase, String ticket, String assessmentId) {
        String url = wsBase + "/ws?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8) + "&assessment_id="
                + assessmentId;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), this).join();
    }

    /** Connects with a fresh ticket for the trader ({@code POST /auth/ws-ticket}). */
    static LiveStream open(Api core, String wsBase, String assessmentId) {
        String ticket = core.post("/auth/ws-ticket", null).get("ticket").asString();
        return new LiveStream(wsBase, ticket, assessmentId);
    }

    /** Subscribes and waits for {@code subscribed}; returns it (its {@code recovered} says whether resume worked). */
    JsonNode subscribe(String channel, String since) {
        int before = frames.size();
        Map<String, Object> frame = since == null ? Map.of("op", "subscribe", "channel", channel)
                : Map.of("op", "subscribe", "channel", channel, "since", since);
        socket.sendText(Api.JSON.writeValueAsString(frame), true).join();
        return await(f -> "subscribed".equals(f.path("op").asString()) && channel.equals(f.path("channel").asString()),
                before, Duration.ofSeconds(10), "subscribed to " + channel);
    }

    /** The first frame at index ≥ {@code from} that matches, waiting up to {@code timeout}. */
    JsonNode await(Predicate<JsonNode> which, int from, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = from; i < frames.size(); i++) {
                JsonNode f = frames.get(i);
                if ("error".equals(f.path("op").asString()) && what.startsWith("subscribed")) {
                    throw new IllegalStateException(what + ": " + f);
                }
                if (which.test(f)) {
                    return f;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout.toSeconds() + " s");
            }
            sleep(50);
        }
    }

    /** Events of one type on one channel received so far. */
    List<JsonNode> events(String channel, String type) {
        return frames.stream().filter(f -> "event".equals(f.path("op").asString())
                && channel.equals(f.path("channel").asString()) && type.equals(f.path("type").asString())).toList();
    }

    /** The highest {@code offset} (seq) received on the channel, for a resume. */
    String lastOffset(String channel) {
        return frames.stream().filter(f -> "event".equals(f.path("op").asString())
                        && channel.equals(f.path("channel").asString()) && f.path("offset").isString())
                .map(f -> Long.parseLong(f.get("offset").asString())).max(Long::compare).map(String::valueOf)
                .orElse(null);
    }

    int size() {
        return frames.size();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Api.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "demo done").exceptionally(e -> null);
        socket.abort();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
