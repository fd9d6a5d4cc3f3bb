package com.vaticprop.websocket.protocol;

import org.springframework.web.socket.CloseStatus;

/**
 * The close codes of CONTRACTS.md "WebSocket protocol" plus the service's own 4029 for the per-user connection cap;
 * the same numbers are the {@code code} of {@code error} frames that do not end the connection.
 */
public final class CloseCodes {

    /** Malformed frame, unknown op, bad channel or offset: an {@code error} frame, the connection stays. */
    public static final int BAD_REQUEST = 4000;
    public static final int UNAUTHENTICATED = 4001;
    public static final int FORBIDDEN = 4003;
    public static final int SLOW_CONSUMER = 4008;
    /** Subscription cap (error frame) or connection cap per user (close). */
    public static final int TOO_MANY = 4029;
    public static final int MESSAGE_TOO_BIG = 1009;
    /** A request that failed on the server side (Redis away): an {@code error} frame, retry later. */
    public static final int UNAVAILABLE = 1011;
    public static final int RESTART = 1012;

    public static final CloseStatus SLOW_CONSUMER_STATUS = new CloseStatus(SLOW_CONSUMER, "slow consumer");
    public static final CloseStatus TOO_MANY_CONNECTIONS_STATUS = new CloseStatus(TOO_MANY, "too many connections");
    public static final CloseStatus RESTART_STATUS = new CloseStatus(RESTART, "service restart");
    public static final CloseStatus NO_PONG_STATUS = new CloseStatus(1001, "no pong");

    private CloseCodes() {
    }

    /**
     * 4001 with the refusal's reason ({@code unauthenticated: timeout}, {@code …: invalid}, {@code …: session-expired},
     * {@code …: ticket-reused}, {@code …: unavailable}, …): the same words as the {@code reason} label of the auth
     * failure metric, so a client (and the fault scenario's clients) can tell a token to renew from a slow auth to
     * retry. None of them says more than the client already knows.
     */
    public static CloseStatus unauthenticated(String reason) {
        return new CloseStatus(UNAUTHENTICATED, "unauthenticated: " + reason);
    }
}
