package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.replay.FrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.kalshi.KalshiCommands;
import com.vaticprop.marketdata.venue.kalshi.KalshiFrameParser;
import com.vaticprop.marketdata.venue.polymarket.PolymarketFrameParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;

/**
 * Makes recordings of the single-venue connectors replayable: the same frame parsers that ran live, registered as
 * {@link FrameParser}s under the venue names the connectors record with. (Crypto venues run behind the failover
 * source, whose choices depend on timing; they are recorded as normalized ticks instead.)
 */
@Configuration(proxyBeanMethods = false)
public class VenueReplayParsers {

    /** One venue's live parser behind the replay interface. */
    public record Adapter(String venue, VenueFrameParser parser) implements FrameParser {
        @Override
        public void parse(String frame, Instant receivedTs, TickSink sink) {
            parser.parse(frame, receivedTs, sink);
        }
    }

    /** A fresh Polymarket parser (its books start empty, as the recorded session's did). */
    public static FrameParser polymarket() {
        return new Adapter(PolymarketFrameParser.VENUE, new PolymarketFrameParser(new VenueCounters()));
    }

    public static FrameParser kalshi() {
        return new Adapter(KalshiFrameParser.VENUE, new KalshiFrameParser(new VenueCounters(),
                new KalshiCommands(List.of())));
    }

    @Bean
    FrameParser polymarketReplayParser() {
        return polymarket();
    }

    @Bean
    FrameParser kalshiReplayParser() {
        return kalshi();
    }
}
