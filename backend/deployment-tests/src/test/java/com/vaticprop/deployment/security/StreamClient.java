package com.vaticprop.deployment.security;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of websocket-service's protocol (docs/contracts.md "WebSocket protocol"): sends JSON frames, collects the
 * server's frames and its close code, so a test can wait for the answer to one request.
 */
final class StreamClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private StreamClient(String url) {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(LiveApi.JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).join();
    }

    /** Opens {@code /ws} of the service at {@code baseUrl} (http://…), with a query string or none. */
    static StreamClient open(String baseUrl, String query) {
        return new StreamClient(baseUrl.replaceFirst("^http", "ws") + "/ws" + (query == null ? "" : "?" + query));
    }

    StreamClient send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** The next frame whose {@code op} is one of {@code ops}, skipping others (events, pongs); fails after 20 s. */
    JsonNode next(String... ops) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && java.util.List.of(ops).contains(frame.path("op").asString())) {
                return frame;
            }
        }
        throw new AssertionError("no " + String.join("/", ops) + " frame within 20 s (closed: "
                + closed.getNow(null) + ")");
    }

    /** The close code the server sent, waiting up to 20 s. */
    int closeCode() throws Exception {
        return closed.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
