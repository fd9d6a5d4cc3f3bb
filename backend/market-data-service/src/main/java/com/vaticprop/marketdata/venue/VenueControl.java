package com.vaticprop.marketdata.venue;

/**
 * What a parser may ask of the live connection it is fed from: send a venue command (a resubscribe after a sequence
 * gap) or drop the connection and start over. A replay has no connection and uses {@link #NONE}.
 */
public interface VenueControl {

    VenueControl NONE = new VenueControl() {
        @Override
        public void send(String message) {
        }

        @Override
        public void reconnect(String reason) {
        }
    };

    /** Queues a message for the venue, subject to the venue's outbound rate limit. */
    void send(String message);

    /** Closes the connection and reconnects (with backoff), resubscribing from scratch. */
    void reconnect(String reason);
}
