package com.vaticprop.websocket.connection;

import com.vaticprop.websocket.protocol.CloseCodes;

/**
 * Sends an RFC 6455 ping to every connection each period; a connection that has left {@code maxMissed} pings
 * unanswered is closed. Browsers answer pings themselves, so this finds dead peers and half-open TCP connections
 * that would otherwise hold a slot (and a send queue) forever. Any frame from the client counts as an answer too.
 */
public final class Heartbeat implements Runnable {

    private final ConnectionRegistry registry;
    private final int maxMissed;

    public Heartbeat(ConnectionRegistry registry, int maxMissed) {
        this.registry = registry;
        this.maxMissed = maxMissed;
    }

    @Override
    public void run() {
        for (Connection c : registry.all()) {
            if (!c.authenticated()) {
                continue; // the auth timeout bounds these; their handler thread may still be verifying
            }
            if (!c.ping(maxMissed)) {
                c.closeNow(CloseCodes.NO_PONG_STATUS);
            }
        }
    }
}
