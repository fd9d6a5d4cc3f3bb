package com.vaticprop.testkit;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real redis-server process (the binary bundled by embedded-redis), bound to loopback, persisting nothing. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on {@code port} (0 = any free port). */
    public static EmbeddedRedisServer start(int port) {
        int chosen = port > 0 ? port : FreePorts.any();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded redis-server did not start on port " + chosen, e);
        }
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server and waits until its port refuses connections, so a restart can bind it again. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                Thread.sleep(50);
            } catch (IOException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
