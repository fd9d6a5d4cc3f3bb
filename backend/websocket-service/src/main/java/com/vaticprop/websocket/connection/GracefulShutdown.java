package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.protocol.CloseCodes;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * On shutdown, before the web server stops: refuse new connections, let every connection's queued frames go out,
 * then close it with 1012 (service restart) so clients reconnect — to another replica — and resume with
 * {@code since}. Waits up to the drain period for the sockets to close.
 */
public final class GracefulShutdown implements SmartLifecycle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GracefulShutdown.class);

    private final StreamHandler handler;
    private final ConnectionRegistry registry;
    private final Duration drain;
    private volatile boolean running;

    public GracefulShutdown(StreamHandler handler, ConnectionRegistry registry, Duration drain) {
        this.handler = handler;
        this.registry = registry;
        this.drain = drain;
    }

    @Override
    public void start() {
        handler.startAccepting(); // a stopped context can be started again (Spring's test context cache does)
        running = true;
    }

    @Override
    public void stop() {
        log.info("shutting down: closing {} connections with 1012 after their queued frames",
                registry.all().size());
        handler.stopAccepting();
        for (Connection c : registry.all()) {
            c.closeAfterQueued(CloseCodes.RESTART_STATUS);
        }
        long deadline = System.nanoTime() + drain.toNanos();
        while (!registry.all().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown and before the Kafka feed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
