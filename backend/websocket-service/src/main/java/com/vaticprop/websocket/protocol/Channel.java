package com.vaticprop.websocket.protocol;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A channel name: {@code assessment:<uuid>} (one assessment's events, ordered by seq) or {@code market:<instrument>}
 * (conflated ticks). Parsing is strict so a channel can be used as a map key without normalisation.
 */
public record Channel(Kind kind, String name, UUID assessmentId, String instrument) {

    public enum Kind { ASSESSMENT, MARKET }

    private static final Pattern INSTRUMENT = Pattern.compile("[A-Za-z0-9:._-]{1,128}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static Optional<Channel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith("assessment:")) {
            String id = name.substring("assessment:".length());
            if (!UUID_TEXT.matcher(id).matches()) {
                return Optional.empty();
            }
            return Optional.of(forAssessment(UUID.fromString(id)));
        }
        if (name.startsWith("market:")) {
            String instrument = name.substring("market:".length());
            if (!INSTRUMENT.matcher(instrument).matches()) {
                return Optional.empty();
            }
            return Optional.of(forMarket(instrument));
        }
        return Optional.empty();
    }

    public static Channel forAssessment(UUID id) {
        return new Channel(Kind.ASSESSMENT, "assessment:" + id, id, null);
    }

    public static Channel forMarket(String instrument) {
        return new Channel(Kind.MARKET, "market:" + instrument, null, instrument);
    }
}
