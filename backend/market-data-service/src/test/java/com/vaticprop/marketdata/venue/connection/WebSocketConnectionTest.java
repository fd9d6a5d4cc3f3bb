package com.vaticprop.marketdata.venue.connection;

import com.vaticprop.marketdata.feed.TickSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The venue-independent connection: outbound rate limit on the wire, refused handshakes, stop. */
class WebSocketConnectionTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    LocalWebSocketServer server;
    ScheduledExecutorService scheduler;
    WebSocketConnection connection;
    final VenueCounters counters = new VenueCounters();

    /** Subscribes with {@code n} messages and ignores what it receives. */
    record Subscriber(List<String> messages) implements VenueProtocol {
        @Override
        public List<String> subscribeMessages() {
            return messages;
        }

        @Override
        public void onText(String frame, Instant receivedTs, TickSink sink) {
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new LocalWebSocketServer();
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.stop();
        }
        scheduler.shutdownNow();
        server.close();
    }

    WebSocketConnection connect(URI uri, double perSecond, int burst, List<String> messages) {
        ConnectionSettings settings = ConnectionSettings.defaults(uri).withSendRate(perSecond, burst)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(80));
        connection = new WebSocketConnection("test", settings, new Subscriber(messages), counters,
                Clock.systemUTC(), scheduler, new Backoff(settings.backoffInitial(), settings.backoffMax(),
                new Random(3)));
        connection.start(new RecordingSink());
        return connection;
    }

    @Test
    void outboundMessagesAreSpacedByTheVenuesRateLimit() throws Exception {
        long started = System.nanoTime();
        connect(server.uri("/"), 10, 2, List.of("m1", "m2", "m3", "m4", "m5"));
        LocalWebSocketServer.Session session = server.nextSession(WAIT);
        for (int i = 0; i < 5; i++) {
            assertThat(session.nextText(WAIT)).isEqualTo("m" + (i + 1));
        }
        // a full bucket of 2, then one token every 100 ms: the fifth message cannot leave before 300 ms
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void refusedHandshakesAreRetriedWithBackoffUntilAccepted() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        server.admission(h -> attempts.incrementAndGet() < 3 ? 503 : 101);
        connect(server.uri("/"), 10, 2, List.of("hello"));
        assertThat(server.nextSession(WAIT).nextText(WAIT)).isEqualTo("hello");
        assertThat(counters.get(VenueCounters.HANDSHAKE_FAILURES)).isEqualTo(2);
        assertThat(counters.get(VenueCounters.RECONNECTS)).isEqualTo(2);
        RecordingSink.await(() -> connection.state().equals("CONNECTED"), WAIT);
    }

    @Test
    void stopClosesTheSocketAndNothingReconnects() throws Exception {
        connect(server.uri("/"), 10, 2, List.of("hello"));
        LocalWebSocketServer.Session session = server.nextSession(WAIT);
        session.nextText(WAIT);
        connection.stop();
        RecordingSink.await(session::isClosed, WAIT);
        assertThat(connection.state()).isEqualTo("STOPPED");
        Thread.sleep(200);
        assertThat(counters.get(VenueCounters.RECONNECTS)).isZero();
    }
}
