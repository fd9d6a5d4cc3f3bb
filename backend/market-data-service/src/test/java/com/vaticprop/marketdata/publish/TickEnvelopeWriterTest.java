package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast tick encoder writes exactly the bytes of the platform codec, for any tick. */
class TickEnvelopeWriterTest {

    private final EventCodec codec = new EventCodec();
    private final SplittableRandom random = new SplittableRandom(2026);

    private static final List<String> INSTRUMENTS = List.of("BTC-USD", "POLY:71321045679252212594626385532706912750",
            "KALSHI:KX.RAIN_26-NOV:NO");
    private static final List<String> VENUES = List.of("binance", "coinbase", "q\"uote\\back", "tab\tnew\nline\u0001",
            "caf\u00e9 \u20ac \ud83d\ude00", "\u007f");

    private BigDecimal decimal() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(-5, 20));
            case 2 -> new BigDecimal("0.00000001");
            case 3 -> new BigDecimal("1E+3");
            case 4 -> BigDecimal.valueOf(random.nextDouble());
            default -> new BigDecimal(random.nextInt(100_000)).movePointLeft(2);
        };
    }

    private Instant instant() {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> random.nextLong(-62_000_000_000L, 253_402_300_799L); // years 0..9999
            case 1 -> random.nextLong(-100_000_000_000L, 400_000_000_000L); // also outside
            case 2 -> 0;
            default -> 1_795_000_000L + random.nextInt(100_000);
        };
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @Test
    void bytesEqualTheCodecsForRandomTicks() {
        for (int i = 0; i < 20_000; i++) {
            MarketTick tick = new MarketTick(INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size())),
                    random.nextInt(3) == 0 ? null : VENUES.get(random.nextInt(VENUES.size())),
                    decimal(), decimal(), decimal(), decimal(), decimal(), decimal(),
                    random.nextInt(5) == 0 ? null : instant(), instant(),
                    random.nextBoolean() ? null : random.nextLong());
            UUID id = TickEnvelopeWriter.newEventId();
            byte[] expected = codec.encode(new EventEnvelope<>(id, EventType.MARKET_TICK.wireName(), 1,
                    tick.receivedTs(), null, null, null, null, tick));
            byte[] actual = TickEnvelopeWriter.write(id, tick);
            assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void eventIdsAreVersion4AndDistinct() {
        UUID a = TickEnvelopeWriter.newEventId();
        UUID b = TickEnvelopeWriter.newEventId();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.version()).isEqualTo(4);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(codec.decode(TickEnvelopeWriter.write(a, new MarketTick("BTC-USD", "v", BigDecimal.ONE,
                BigDecimal.TEN, null, null, null, null, Instant.EPOCH, Instant.EPOCH, null))).id()).isEqualTo(a);
    }
}
