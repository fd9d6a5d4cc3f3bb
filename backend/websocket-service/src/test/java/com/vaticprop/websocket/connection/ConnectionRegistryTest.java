package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.metrics.StreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketSession;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user connection cap's bookkeeping when a socket closes while its auth frame is still being checked — the
 * leak the ws-kill fault scenario found: a slot claimed after the close never came back, and a user whose ten
 * clients failed over to the surviving instance was refused (4029) for good.
 */
class ConnectionRegistryTest {

    private static final int CAP = 10;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry());

    @Test
    void aSlotCannotBeClaimedForAConnectionThatHasAlreadyClosed() {
        Connection late = open("late");
        registry.end("late"); // the auth timeout closed the socket first
        assertThat(registry.claimUserSlot(late, "u1", CAP)).isEqualTo(Connection.SlotClaim.ENDED);
        assertThat(registry.slotsHeld("u1")).isZero();

        for (int i = 0; i < CAP; i++) {
            assertThat(registry.claimUserSlot(open("c" + i), "u1", CAP)).isEqualTo(Connection.SlotClaim.CLAIMED);
        }
        assertThat(registry.claimUserSlot(open("eleventh"), "u1", CAP)).isEqualTo(Connection.SlotClaim.FULL);
    }

    @Test
    void closingGivesTheSlotBackOnceAndAConnectionHoldsAtMostOne() {
        Connection c = open("c");
        assertThat(registry.claimUserSlot(c, "u1", CAP)).isEqualTo(Connection.SlotClaim.CLAIMED);
        assertThat(registry.claimUserSlot(c, "u1", CAP)).isEqualTo(Connection.SlotClaim.CLAIMED);
        assertThat(registry.slotsHeld("u1")).isEqualTo(1);
        Connection refused = open("refused");
        assertThat(registry.end("refused")).isSameAs(refused);
        assertThat(registry.slotsHeld("u1")).as("a connection without a slot gives none back").isEqualTo(1);

        assertThat(registry.end("c")).isSameAs(c);
        assertThat(registry.end("c")).isNull();
        assertThat(registry.slotsHeld("u1")).isZero();
        assertThat(c.ended()).isTrue();
    }

    @Test
    void racingAdmissionsAndClosesLeaveNoSlotBehind() throws Exception {
        int connections = 4_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection c = open("r" + i);
                String user = "user" + (i % 7);
                CountDownLatch go = new CountDownLatch(1);
                // the auth frame and the close on two threads, released together, in either order
                futures.add(pool.submit(() -> {
                    go.await();
                    registry.claimUserSlot(c, user, CAP);
                    return null;
                }));
                futures.add(pool.submit(() -> {
                    go.await();
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        Thread.yield();
                    }
                    registry.end(c.id());
                    return null;
                }));
                go.countDown();
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int u = 0; u < 7; u++) {
            assertThat(registry.slotsHeld("user" + u)).as("slots left to user%d after every socket closed", u)
                    .isZero();
        }
    }

    private Connection open(String id) {
        WebSocketSession session = (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> true;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        Connection connection = new Connection(session, 10, Runnable::run, metrics);
        registry.add(connection);
        return connection;
    }
}
