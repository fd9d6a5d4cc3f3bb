package com.vaticprop.marketdata.replay;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * The {@code normalized} wire format: one sink call per frame, as JSON —
 * {@code {"kind":"tick","tick":{…MarketTick…}}}, {@code {"kind":"confirmed","instrument":…,"receivedTs":…}},
 * {@code {"kind":"resolution","resolution":{…}}}, {@code {"kind":"status","status":{…}}}. It is what the simulated
 * feed's output and any source's normalized output are recorded in, and its parser replays them. Decimals keep
 * their scale through the round trip, so a replayed tick serializes to the very bytes of the recorded one.
 */
public final class NormalizedFrames implements FrameParser {

    public static final String VENUE = "normalized";

    /** One frame; exactly the fields of its kind are set. */
    public record Frame(String kind, MarketTick tick, String instrument, Instant receivedTs,
                        MarketResolution resolution, MarketStatusChanged status) {
    }

    private final JsonMapper json = VaticJson.mapper();

    @Override
    public String venue() {
        return VENUE;
    }

    public String tick(MarketTick tick) {
        return json.writeValueAsString(new Frame("tick", tick, null, null, null, null));
    }

    public String confirmed(String instrument, Instant receivedTs) {
        return json.writeValueAsString(new Frame("confirmed", null, instrument, receivedTs, null, null));
    }

    public String resolution(MarketResolution resolution) {
        return json.writeValueAsString(new Frame("resolution", null, null, null, resolution, null));
    }

    public String status(MarketStatusChanged status) {
        return json.writeValueAsString(new Frame("status", null, null, null, null, status));
    }

    @Override
    public void parse(String text, Instant receivedTs, TickSink sink) {
        Frame frame = json.readValue(text, Frame.class);
        if (frame == null || frame.kind() == null) {
            throw new IllegalArgumentException("normalized frame without kind");
        }
        switch (frame.kind()) {
            case "tick" -> sink.tick(required(frame.tick(), "tick"));
            case "confirmed" -> sink.confirmed(required(frame.instrument(), "instrument"),
                    frame.receivedTs() != null ? frame.receivedTs() : receivedTs);
            case "resolution" -> sink.resolution(required(frame.resolution(), "resolution"));
            case "status" -> sink.status(required(frame.status(), "status"));
            default -> throw new IllegalArgumentException("unknown normalized frame kind " + frame.kind());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("normalized frame without " + field);
        }
        return value;
    }
}
