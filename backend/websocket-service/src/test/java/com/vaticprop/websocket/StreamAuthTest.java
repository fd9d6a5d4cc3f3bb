package com.vaticprop.websocket;

import com.vaticprop.websocket.protocol.CloseCodes;
import com.vaticprop.websocket.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Getting in and staying in: tickets, auth frames, expiry, Origin, caps and malformed input. */
class StreamAuthTest extends StreamTestSupport {

    private static final Duration CLOSE = Duration.ofSeconds(5);

    private void assertAlive(WsClient client) {
        client.send(Map.of("op", "ping"));
        assertThat(client.nextOp("pong").get("op").asString()).isEqualTo("pong");
    }

    @Test
    void aTicketAuthenticatesAndTheServerPingsAndAnswersPing() {
        WsClient client = connectAs(UUID.randomUUID());
        assertAlive(client);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.pings() >= 2);
        assertAlive(client); // the JDK client answers pings, so the heartbeat keeps it open
    }

    @Test
    void noTicketAndNoAuthFrameIsClosed4001AfterTheAuthTimeout() {
        WsClient client = connect(null);
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(client.closeReason()).isEqualTo("unauthenticated: timeout");
    }

    @Test
    void anExpiredTicketIs4001() {
        Instant past = Instant.now().minusSeconds(60);
        WsClient client = connect("ticket=" + IDENTITY.ticket(UUID.randomUUID().toString(), past,
                Instant.now().plusSeconds(600), "TRADER"));
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void aTicketWorksOnceOnly() {
        String ticket = IDENTITY.ticket(UUID.randomUUID().toString(), "TRADER");
        WsClient first = connect("ticket=" + ticket);
        assertAlive(first);
        WsClient second = connect("ticket=" + ticket);
        assertThat(second.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(second.closeReason()).isEqualTo("unauthenticated: ticket-reused");
        assertAlive(first);
    }

    @Test
    void aTicketWithAWrongSignatureIs4001() {
        WsClient client = connect("ticket=" + IDENTITY.ticketWithWrongSignature(UUID.randomUUID().toString()));
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(client.closeReason()).isEqualTo("unauthenticated: invalid");
    }

    @Test
    void anUnsignedAlgNoneTicketIs4001() {
        WsClient client = connect("ticket=" + IDENTITY.unsignedTicket(UUID.randomUUID().toString()));
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void garbageTicketIs4001() {
        WsClient client = connect("ticket=not-a-jwt");
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void anAccessTokenIsNotATicketAndATicketIsNotAnAccessToken() {
        String user = UUID.randomUUID().toString();
        WsClient tokenInUrl = connect("ticket=" + IDENTITY.accessToken(user, Instant.now().plusSeconds(600),
                "TRADER"));
        assertThat(tokenInUrl.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);

        WsClient ticketInFrame = connect(null);
        ticketInFrame.send(Map.of("op", "auth", "token", IDENTITY.ticket(user, "TRADER")));
        assertThat(ticketInFrame.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void anAuthFrameWithAnAccessTokenAuthenticates() {
        WsClient client = connect(null);
        client.send(Map.of("op", "auth", "token", IDENTITY.accessToken(UUID.randomUUID().toString(),
                Instant.now().plusSeconds(600), "TRADER")));
        client.send(subscribe("market:BTC-USD"));
        JsonNode subscribed = client.next();
        assertThat(subscribed.get("op").asString()).isEqualTo("subscribed");
        assertThat(subscribed.get("recovered").asBoolean()).isFalse();
        // well past the auth timeout: still open
        assertThat(client.drain(Duration.ofMillis(1500))).isEmpty();
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void anyOtherFrameBeforeAuthenticationIs4001() {
        WsClient client = connect(null);
        client.send(subscribe("market:BTC-USD"));
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(client.closeReason()).isEqualTo("unauthenticated: not-authenticated");
    }

    @Test
    void anExpiredSessionGetsAnErrorThenIsClosedUnlessRefreshed() {
        String user = UUID.randomUUID().toString();
        WsClient lapsed = connect(null);
        lapsed.send(Map.of("op", "auth", "token", IDENTITY.accessToken(user, Instant.now().plusSeconds(2),
                "TRADER")));
        WsClient refreshed = connect(null);
        refreshed.send(Map.of("op", "auth", "token", IDENTITY.accessToken(user, Instant.now().plusSeconds(2),
                "TRADER")));

        assertError(lapsed.next(Duration.ofSeconds(5)), CloseCodes.UNAUTHENTICATED);
        assertError(refreshed.next(Duration.ofSeconds(5)), CloseCodes.UNAUTHENTICATED);
        refreshed.send(Map.of("op", "auth", "token", IDENTITY.accessToken(user, Instant.now().plusSeconds(600),
                "TRADER")));

        assertThat(lapsed.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
        assertThat(lapsed.closeReason()).isEqualTo("unauthenticated: expired");
        assertThat(refreshed.drain(Duration.ofMillis(1500))).isEmpty();
        assertAlive(refreshed);
    }

    @Test
    void aRefreshForAnotherUserIs4001() {
        WsClient client = connectAs(UUID.randomUUID());
        client.send(Map.of("op", "auth", "token", IDENTITY.accessToken(UUID.randomUUID().toString(),
                Instant.now().plusSeconds(600), "TRADER")));
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void aForeignOriginIsRefusedAtTheUpgradeAndAnAllowedOneIsAccepted() {
        String ticket = IDENTITY.ticket(UUID.randomUUID().toString(), "TRADER");
        assertThatThrownBy(() -> WsClient.connect(port(), "ticket=" + ticket, "https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        WsClient allowed = track(WsClient.connect(port(), "ticket=" + ticket, "https://app.vaticprop.test"));
        assertAlive(allowed); // the refused upgrade did not spend the ticket
    }

    @Test
    void theBenchmarkBroadcastEndpointDoesNotExistUnlessTheHarnessTurnsItOn() {
        // /bench/broadcast has no authentication: only the load harness's property creates it
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port() + "/bench/broadcast"),
                        new java.net.http.WebSocket.Listener() {
                        }).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void aUserBeyondTheConnectionCapIsClosed4029() throws InterruptedException {
        UUID user = UUID.randomUUID();
        assertAlive(connectAs(user));
        WsClient second = connectAs(user);
        assertAlive(second);
        WsClient third = connectAs(user);
        assertError(third.next(), CloseCodes.TOO_MANY);
        assertThat(third.closeCode(CLOSE)).isEqualTo(CloseCodes.TOO_MANY);
        assertAlive(connectAs(UUID.randomUUID())); // other users are not affected

        // a client that sends its subscribe right behind the auth frame still learns why: 4029, not a bare 4001
        WsClient eager = connect(null);
        eager.send(Map.of("op", "auth", "token", IDENTITY.accessToken(user.toString(), Instant.now().plusSeconds(600),
                "TRADER")));
        eager.send(Map.of("op", "subscribe", "channel", "assessment:" + UUID.randomUUID()));
        assertError(eager.next(), CloseCodes.TOO_MANY);
        assertThat(eager.closeCode(CLOSE)).isEqualTo(CloseCodes.TOO_MANY);

        second.close(); // its slot comes back once the server has seen the close
        boolean admitted = false;
        for (int attempt = 0; attempt < 20 && !admitted; attempt++) {
            WsClient next = connectAs(user);
            next.send(Map.of("op", "ping"));
            admitted = "pong".equals(next.next(Duration.ofSeconds(5)).get("op").asString());
            next.close();
            if (!admitted) {
                Thread.sleep(100);
            }
        }
        assertThat(admitted).as("a connection admitted once another one closed").isTrue();
    }

    @Test
    void malformedJsonAndUnknownOpsGetAnErrorFrameAndTheConnectionStays() {
        WsClient client = connectAs(UUID.randomUUID());
        client.send("{not json");
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send("[1,2]");
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(Map.of("op", "teleport"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(Map.of("channel", "market:BTC-USD"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(subscribe("weather:today"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(subscribe("assessment:" + UUID.randomUUID(), "-3"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        assertAlive(client);
    }

    @Test
    void anOversizedFrameIsClosed1009() {
        WsClient client = connectAs(UUID.randomUUID());
        client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertThat(client.closeCode(CLOSE)).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void subscriptionsBeyondTheCapGetAnError4029() {
        WsClient client = connectAs(UUID.randomUUID());
        for (String instrument : new String[]{"BTC-USD", "ETH-USD", "SOL-USD"}) {
            client.send(subscribe("market:" + instrument));
            assertThat(client.next().get("op").asString()).isEqualTo("subscribed");
        }
        client.send(subscribe("market:POLY:123"));
        assertError(client.next(), CloseCodes.TOO_MANY);
        client.send(Map.of("op", "unsubscribe", "channel", "market:ETH-USD"));
        client.send(subscribe("market:POLY:123"));
        assertThat(client.next().get("op").asString()).isEqualTo("subscribed");
    }

    @Test
    void aTraderMayNotSubscribeToAnotherTradersAssessmentButAnAdminMay() {
        UUID owner = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        createAssessment(assessment, owner);

        WsClient intruder = connectAs(UUID.randomUUID());
        intruder.send(subscribe("assessment:" + assessment));
        assertError(intruder.next(), CloseCodes.FORBIDDEN);
        intruder.send(subscribe("assessment:" + UUID.randomUUID()));
        assertError(intruder.next(), CloseCodes.FORBIDDEN);
        assertAlive(intruder);

        WsClient admin = connectAs(UUID.randomUUID(), "ADMIN");
        admin.send(subscribe("assessment:" + assessment));
        assertThat(admin.next().get("op").asString()).isEqualTo("subscribed");
        WsClient mine = connectAs(owner);
        mine.send(subscribe("assessment:" + assessment));
        assertThat(mine.next().get("op").asString()).isEqualTo("subscribed");
    }
}
