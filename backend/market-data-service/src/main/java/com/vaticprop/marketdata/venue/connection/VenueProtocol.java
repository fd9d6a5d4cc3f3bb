package com.vaticprop.marketdata.venue.connection;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.VenueControl;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The venue-specific half of a connection: what to send on connect, how to keep the socket alive, how to read a
 * frame. {@link WebSocketConnection} owns the socket, reconnects and timing; the protocol owns the wire format.
 */
public interface VenueProtocol {

    /** Extra headers for the opening handshake, computed at each connect (Kalshi signs a fresh timestamp). */
    default Map<String, String> handshakeHeaders(Instant now) {
        return Map.of();
    }

    /** Sent, in order, after every successful connect (so a reconnect always resubscribes). */
    List<String> subscribeMessages();

    /** Application-level keepalive text, for venues that expect one (Polymarket "PING"); sent every interval. */
    default Optional<String> keepaliveText() {
        return Optional.empty();
    }

    /** A new socket is open: forget per-connection state (sequence numbers, subscription ids, books). */
    default void onConnected(VenueControl control) {
    }

    /** One complete text frame. Exceptions are counted as parse errors and the stream continues. */
    void onText(String frame, Instant receivedTs, TickSink sink);
}
