package com.vaticprop.reconciliation;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AccountSnapshot;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.QuoteEvidence;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One assessment's trading as core-service books it, in memory: round trips on BTC-USD (a buy, then a sell of the same
 * quantity) and one position left open on ETH-USD, with the outbox events — real envelopes, seq 1, 2, 3… — that
 * core writes in the same transactions, and the account totals they add up to. {@link CleanDataSet} writes it to the
 * stores the way the services do.
 */
final class TradingHistory {

    static final BigDecimal INITIAL = new BigDecimal("100000.00000000");
    static final BigDecimal FEE_RATE = new BigDecimal("0.0005");

    final UUID assessmentId = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final UUID tierId = UUID.randomUUID();
    final UUID accountId = UUID.randomUUID();
    final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
    final List<Order> orders = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;

    private final EventCodec codec = new EventCodec();
    private final JsonNode ruleSet = VaticJson.mapper().readTree("{\"initialBalance\":\"100000\",\"currency\":\"USD\"}");
    private int clock;

    record Order(UUID id, String instrument, String side, BigDecimal qty, Instant at) {
    }

    record Trade(UUID id, UUID orderId, UUID positionId, String instrument, String side, BigDecimal qty,
                 BigDecimal price, BigDecimal fee, Instant at, long seq) {
    }

    static final class Position {
        final UUID id = UUID.randomUUID();
        final String instrument;
        final String side;
        final BigDecimal qty;
        final BigDecimal entry;
        final Instant openedAt;
        BigDecimal exit;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees;
        Instant closedAt;
        long closedSeq;

        Position(String instrument, String side, BigDecimal qty, BigDecimal entry, BigDecimal fee, Instant openedAt) {
            this.instrument = instrument;
            this.side = side;
            this.qty = qty;
            this.entry = entry;
            this.fees = fee;
            this.openedAt = openedAt;
        }

        boolean closed() {
            return closedAt != null;
        }
    }

    /** One outbox row: the envelope as core encodes it. */
    record Event(UUID id, long seq, String topic, String type, String payload, JsonNode data, Instant at) {
    }

    static TradingHistory withRoundTrips(int roundTrips) {
        TradingHistory h = new TradingHistory();
        h.event(EventType.ASSESSMENT_CREATED, new AssessmentCreated(h.userId, h.tierId, 1, h.ruleSet, INITIAL, "USD", 0,
                h.accountId));
        h.event(EventType.ASSESSMENT_STARTED, new AssessmentStateChanged(h.tick(), 0, null));
        BigDecimal qty = new BigDecimal("0.10000000");
        for (int i = 0; i < roundTrips; i++) {
            BigDecimal buy = new BigDecimal(50_000 + 10 * i).setScale(8);
            BigDecimal sell = buy.add(new BigDecimal(i % 2 == 0 ? 25 : -15));
            Position p = h.fill("BTC-USD", "BUY", qty, buy, null);
            h.fill("BTC-USD", "SELL", qty, sell, p);
        }
        h.fill("ETH-USD", "BUY", new BigDecimal("2.00000000"), new BigDecimal("3000.00000000"), null);
        return h;
    }

    long lastSeq() {
        return events.size();
    }

    BigDecimal balance() {
        return INITIAL.add(realized).subtract(fees);
    }

    /** A market order filled at once: order-placed, order-filled, then position-opened or -closed. */
    private Position fill(String instrument, String side, BigDecimal qty, BigDecimal price, Position closing) {
        Instant at = tick();
        UUID orderId = UUID.randomUUID();
        orders.add(new Order(orderId, instrument, side, qty, at));
        event(EventType.ORDER_PLACED, new OrderEvent(orderId, instrument, side, "MARKET", qty, null, null, "IOC", false,
                "key-" + orderId, null, null));
        BigDecimal fee = qty.multiply(price).multiply(FEE_RATE).setScale(8, java.math.RoundingMode.HALF_EVEN);
        fees = fees.add(fee);
        Position p = closing;
        if (p == null) {
            p = new Position(instrument, "BUY".equals(side) ? "LONG" : "SHORT", qty, price, fee, at);
            positions.add(p);
        } else {
            p.exit = price;
            p.fees = p.fees.add(fee);
            p.realized = price.subtract(p.entry).multiply(qty).setScale(8, java.math.RoundingMode.HALF_EVEN);
            p.closedAt = at;
            realized = realized.add(p.realized);
        }
        UUID tradeId = UUID.randomUUID();
        QuoteEvidence quote = new QuoteEvidence("simulated", 1L, price, price, at, at);
        long seq = event(EventType.ORDER_FILLED, new OrderFilled(orderId, tradeId, instrument, side, qty, price, fee, quote));
        trades.add(new Trade(tradeId, orderId, p.id, instrument, side, qty, price, fee, at, seq));
        if (closing == null) {
            event(EventType.POSITION_OPENED, new PositionChanged(p.id, instrument, p.side, qty, price, null, null, fee,
                    at, null));
        } else {
            p.closedSeq = event(EventType.POSITION_CLOSED, new PositionChanged(p.id, instrument, p.side, qty, p.entry,
                    price, p.realized, p.fees, p.openedAt, at));
        }
        return p;
    }

    private long event(EventType type, EventData data) {
        long seq = events.size() + 1;
        EventEnvelope<EventData> envelope = EventEnvelope.forAssessment(type, start.plusMillis(clock), assessmentId,
                userId, seq, 0, data);
        JsonNode tree = VaticJson.mapper().valueToTree(envelope);
        events.add(new Event(envelope.id(), seq, type.topic().topicName(), type.wireName(),
                codec.encodeToString(envelope), tree.get("data"), envelope.occurredAt()));
        return seq;
    }

    private Instant tick() {
        return start.plusMillis(++clock);
    }

    AccountSnapshot snapshot() {
        return new AccountSnapshot(balance(), balance(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), tick());
    }
}
