package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.auth.AuthenticationFailedException;
import com.vaticprop.websocket.auth.StreamAuthenticator;
import com.vaticprop.websocket.auth.StreamPrincipal;
import com.vaticprop.websocket.config.StreamSettings;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.protocol.ClientMessage;
import com.vaticprop.websocket.protocol.ClientMessageParser;
import com.vaticprop.websocket.protocol.CloseCodes;
import com.vaticprop.websocket.protocol.ServerFrames;
import com.vaticprop.websocket.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code /ws} endpoint. A connection is authenticated by a ticket in the URL (verified and redeemed on open) or
 * by an {@code auth} frame within the auth timeout; anything else first closes it with 4001. Once in, the client's
 * ops are dispatched to the subscription layer; malformed frames and unknown ops get an {@code error} frame.
 * When the session (the access token, or the ticket's {@code sessionExp}) runs out the client gets an {@code error}
 * 4001 frame and the auth timeout to send a fresh token in an {@code auth} frame, else the socket closes with 4001.
 */
public final class StreamHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

    private final StreamAuthenticator authenticator;
    private final ConnectionRegistry registry;
    private final SubscriptionService subscriptions;
    private final ClientMessageParser parser;
    private final ServerFrames frames;
    private final StreamMetrics metrics;
    private final StreamSettings settings;
    private final ScheduledExecutorService timer;
    private final Executor writers;
    private final Clock clock;
    private volatile boolean accepting = true;

    public StreamHandler(StreamAuthenticator authenticator, ConnectionRegistry registry,
                         SubscriptionService subscriptions, ClientMessageParser parser, ServerFrames frames,
                         StreamMetrics metrics, StreamSettings settings, ScheduledExecutorService timer,
                         Executor writers, Clock clock) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.parser = parser;
        this.frames = frames;
        this.metrics = metrics;
        this.settings = settings;
        this.timer = timer;
        this.writers = writers;
        this.clock = clock;
    }

    /** Shutdown has begun: new connections are closed with 1012 at once. */
    public void stopAccepting() {
        accepting = false;
    }

    public void startAccepting() {
        accepting = true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Connection connection = new Connection(session, settings.sendQueueLimit(), writers, metrics);
        registry.add(connection);
        metrics.connectionOpened();
        if (!accepting) {
            connection.closeNow(CloseCodes.RESTART_STATUS);
            return;
        }
        String ticket = session.getUri() == null ? null
                : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("ticket");
        if (ticket != null) {
            try {
                admit(connection, authenticator.ticket(ticket));
            } catch (AuthenticationFailedException e) {
                refuse(connection, e.reason());
            } catch (RuntimeException e) {
                // Redis away: the ticket cannot be redeemed (single use cannot be proven), so it is not accepted
                log.warn("ticket not redeemable on {}: {}", connection.id(), e.toString());
                refuse(connection, "unavailable");
            }
            return;
        }
        long generation = connection.authGeneration();
        connection.deadline(timer.schedule(() -> {
            if (connection.authGeneration() == generation) {
                refuse(connection, "timeout");
            }
        }, settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = registry.get(session.getId());
        if (connection == null || connection.closing()) {
            // a frame the client sent before it saw our close (a subscribe right behind a refused auth) is not
            // refused a second time: that second refusal overtook the 4029 and showed the client a bare 4001
            return;
        }
        connection.pong(); // any frame proves the peer is alive
        ClientMessage parsed = parser.parse(message.getPayload());
        if (parsed instanceof ClientMessage.Auth auth) {
            authFrame(connection, auth.token());
            return;
        }
        if (!connection.authenticated()) {
            refuse(connection, "not-authenticated");
            return;
        }
        try {
            switch (parsed) {
                case ClientMessage.Subscribe s -> subscriptions.subscribe(connection, s.channel(), s.since());
                case ClientMessage.Unsubscribe u -> subscriptions.unsubscribe(connection, u.channel());
                case ClientMessage.Ping p -> connection.send(frames.pong());
                case ClientMessage.Invalid invalid ->
                        connection.send(frames.error(CloseCodes.BAD_REQUEST, invalid.reason()));
                case ClientMessage.Auth a -> throw new IllegalStateException("handled above");
            }
        } catch (RuntimeException e) {
            // Redis unreachable, typically: the request fails, the connection and its other streams stay
            log.warn("request on {} failed: {}", connection.id(), e.toString());
            connection.send(frames.error(CloseCodes.UNAVAILABLE, "temporarily unavailable, retry"));
        }
    }

    /**
     * The protocol has no binary frames. Spring's default ignores them, which left a client that sent one waiting for
     * an answer that never came (found by the frame fuzz); now it is refused like any other malformed request
     * ({@code 4000}, the connection stays), or with 4001 before authentication, like any other first frame that is
     * not {@code auth}.
     */
    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection connection = registry.get(session.getId());
        if (connection == null || connection.closing()) {
            return;
        }
        connection.pong();
        if (!connection.authenticated()) {
            refuse(connection, "not-authenticated");
            return;
        }
        connection.send(frames.error(CloseCodes.BAD_REQUEST, "binary frames are not part of the protocol"));
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        Connection connection = registry.get(session.getId());
        if (connection != null) {
            connection.pong();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("transport error on {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = registry.end(session.getId());
        if (connection == null) {
            return;
        }
        connection.deadline(null);
        subscriptions.unsubscribeAll(connection);
        metrics.connectionClosed();
    }

    private void authFrame(Connection connection, String token) {
        StreamPrincipal principal;
        try {
            principal = authenticator.accessToken(token);
        } catch (AuthenticationFailedException e) {
            refuse(connection, e.reason());
            return;
        }
        StreamPrincipal current = connection.principal();
        if (current == null) {
            admit(connection, principal);
        } else if (current.userId().equals(principal.userId())) {
            refreshed(connection, principal);
        } else {
            refuse(connection, "other-user");
        }
    }

    private void admit(Connection connection, StreamPrincipal principal) {
        switch (registry.claimUserSlot(connection, principal.userId(), settings.maxConnectionsPerUser())) {
            case ENDED -> connection.deadline(null);
            case FULL -> {
                connection.deadline(null);
                connection.send(frames.error(CloseCodes.TOO_MANY, "at most " + settings.maxConnectionsPerUser()
                        + " connections per user"));
                connection.closeAfterQueued(CloseCodes.TOO_MANY_CONNECTIONS_STATUS);
            }
            case CLAIMED -> refreshed(connection, principal);
        }
    }

    /** Installs a (new) principal and arms the expiry timer for its session. */
    private void refreshed(Connection connection, StreamPrincipal principal) {
        long generation = connection.authenticate(principal);
        long delay = Math.max(0, Duration.between(clock.instant(), principal.expiresAt()).toMillis());
        connection.deadline(timer.schedule(() -> expired(connection, generation), delay, TimeUnit.MILLISECONDS));
    }

    private void expired(Connection connection, long generation) {
        if (connection.authGeneration() != generation || !connection.open()) {
            return;
        }
        connection.send(frames.error(CloseCodes.UNAUTHENTICATED, "session expired: send an auth frame with a"
                + " fresh access token within " + settings.authTimeout().toSeconds() + " s"));
        connection.deadline(timer.schedule(() -> {
            if (connection.authGeneration() == generation) {
                metrics.authFailed("expired");
                connection.closeAfterQueued(CloseCodes.unauthenticated("expired"));
            }
        }, settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    private void refuse(Connection connection, String reason) {
        metrics.authFailed(reason);
        log.debug("connection {} refused: {}", connection.id(), reason);
        connection.deadline(null);
        connection.closeNow(CloseCodes.unauthenticated(reason));
    }
}
