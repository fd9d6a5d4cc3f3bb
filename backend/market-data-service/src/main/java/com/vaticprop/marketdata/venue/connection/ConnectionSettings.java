package com.vaticprop.marketdata.venue.connection;

import java.net.URI;
import java.time.Duration;

/**
 * How one venue connection behaves. Tests shrink the durations to milliseconds.
 *
 * @param uri               the venue's WebSocket endpoint
 * @param connectTimeout    opening handshake limit
 * @param silenceTimeout    watchdog: no frame at all (data, ping, pong) for this long means the socket is dead
 * @param keepaliveInterval how often the venue's text keepalive is sent, when it has one (Polymarket "PING")
 * @param backoffInitial    first reconnect delay (jittered, doubled per failure)
 * @param backoffMax        reconnect delay cap
 * @param sendPerSecond     outbound message rate the venue tolerates
 * @param sendBurst         outbound burst the venue tolerates
 */
public record ConnectionSettings(URI uri, Duration connectTimeout, Duration silenceTimeout, Duration keepaliveInterval,
                                 Duration backoffInitial, Duration backoffMax, double sendPerSecond, int sendBurst) {

    public static ConnectionSettings defaults(URI uri) {
        return new ConnectionSettings(uri, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofSeconds(30), 4, 4);
    }

    public ConnectionSettings withUri(URI other) {
        return new ConnectionSettings(other, connectTimeout, silenceTimeout, keepaliveInterval, backoffInitial,
                backoffMax, sendPerSecond, sendBurst);
    }

    public ConnectionSettings withSilenceTimeout(Duration other) {
        return new ConnectionSettings(uri, connectTimeout, other, keepaliveInterval, backoffInitial, backoffMax,
                sendPerSecond, sendBurst);
    }

    public ConnectionSettings withKeepaliveInterval(Duration other) {
        return new ConnectionSettings(uri, connectTimeout, silenceTimeout, other, backoffInitial, backoffMax,
                sendPerSecond, sendBurst);
    }

    public ConnectionSettings withBackoff(Duration initial, Duration max) {
        return new ConnectionSettings(uri, connectTimeout, silenceTimeout, keepaliveInterval, initial, max,
                sendPerSecond, sendBurst);
    }

    public ConnectionSettings withSendRate(double perSecond, int burst) {
        return new ConnectionSettings(uri, connectTimeout, silenceTimeout, keepaliveInterval, backoffInitial,
                backoffMax, perSecond, burst);
    }
}
