package com.vaticprop.platform.events;

import com.vaticprop.platform.events.data.AccountSnapshot;
import com.vaticprop.platform.events.data.AdminAudit;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.FundedEligible;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.MonitoringDegraded;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PhasePassed;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.PurchaseEvent;
import com.vaticprop.platform.events.data.QuoteEvidence;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.platform.events.data.SimulationProgress;
import com.vaticprop.platform.events.data.SimulationRequested;
import com.vaticprop.platform.events.data.ViolationDetected;
import com.vaticprop.platform.json.VaticJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic data record per event type; decimals deliberately include values Java prints in E notation. */
public final class EventSamples {

    public static final Instant T0 = Instant.parse("2026-11-25T14:03:07.123456Z");
    public static final Instant T1 = Instant.parse("2026-11-25T14:03:07.130Z");
    public static final UUID ASSESSMENT = UUID.fromString("0b9f7e0c-6a3e-4b1f-9a53-3c2f3c1d2e10");
    public static final UUID USER = UUID.fromString("5d2a3f14-79c1-4c36-8e2b-0f4b8a9f1c22");

    private EventSamples() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static UUID id(int n) {
        return new UUID(0x1234L, n);
    }

    static QuoteEvidence quote() {
        return new QuoteEvidence("coinbase", 991_234_567L, d("64250.12"), d("64250.13"), T0, T1);
    }

    public static EventData sample(EventType type) {
        return switch (type) {
            case MARKET_TICK -> new MarketTick("BTC-USD", "coinbase", d("64250.12"), d("64250.13"), d("1E-8"),
                    d("0.5"), d("64250.12"), d("0.00100000"), T0, T1, 42L);
            case MARKET_RESOLUTION -> new MarketResolution("POLY:7155129853", d("1"), null, T0, "polymarket-uma");
            case MARKET_STATUS -> new MarketStatusChanged("KALSHI:FED-25DEC-T4.00:YES",
                    MarketStatusChanged.Status.HALTED, T0);
            case ORDER_PLACED, ORDER_CANCELLED -> new OrderEvent(id(1), "ETH-USD", "BUY", "LIMIT", d("0.25"),
                    d("3120.5"), null, "GTC", false, "idem-123", null, null);
            case ORDER_REJECTED -> new OrderEvent(id(2), "POLY:7155129853", "BUY", "MARKET", d("1200"), null,
                    null, "IOC", true, "idem-456", "PRICE_BAND", "price 0.97 is outside the band [0.05, 0.95]");
            case ORDER_FILLED -> new OrderFilled(id(1), id(3), "ETH-USD", "BUY", d("0.25"), d("3120.50"),
                    d("0.00000001"), quote());
            case POSITION_OPENED -> new PositionChanged(id(4), "SOL-USD", "SHORT", d("10"), d("142.31"), null,
                    null, d("0.0711"), T0, null);
            case POSITION_CLOSED -> new PositionChanged(id(4), "SOL-USD", "SHORT", d("10"), d("142.31"),
                    d("140.01"), d("22.9289"), d("0.1411"), T0, T1);
            case ASSESSMENT_CREATED -> new AssessmentCreated(USER, id(5), 3,
                    VaticJson.mapper().readTree("{\"initialBalance\":\"100000\",\"currency\":\"USD\","
                            + "\"dayBoundary\":{\"zone\":\"America/New_York\",\"time\":\"17:00\"},"
                            + "\"phases\":[{\"name\":\"evaluation\",\"profitTargetPct\":\"8\",\"minTradingDays\":5,"
                            + "\"maxDurationDays\":null}],\"exposure\":{\"maxLeverage\":2.5}}"),
                    d("100000.00000000"), "USD", 1, id(6));
            case ASSESSMENT_STARTED, ASSESSMENT_PAUSED, ASSESSMENT_RESUMED -> new AssessmentStateChanged(T0, 1,
                    null);
            case ASSESSMENT_ABANDONED -> new AssessmentStateChanged(T0, 2, "REFUND");
            case ASSESSMENT_REINSTATED -> new AssessmentReinstated(T0, id(7), "ACTIVE", id(9).toString(),
                    "stale quote from venue outage", java.util.List.of(id(10), id(11)), java.util.List.of(id(12)),
                    java.util.List.of(id(13)));
            case ASSESSMENT_FUNDED_ELIGIBLE -> new FundedEligible(USER, d("80"), d("110250.5"), T0);
            case ASSESSMENT_PHASE_PASSED -> new PhasePassed(1, 2, id(8), d("100000"));
            case ASSESSMENT_DAY_CLOSED -> new DayClosed(LocalDate.of(2026, 11, 24), d("100500"), d("100450.25"),
                    d("-49.75"), d("99800.00000001"), d("100600"), true, 7);
            case ASSESSMENT_COMPLETED -> new AssessmentCompleted(AssessmentCompleted.Result.FAILED,
                    AssessmentCompleted.Reason.DAILY_LOSS, d("94999.99"), d("94990"), id(9));
            case ACCOUNT_SNAPSHOT -> new AccountSnapshot(d("100000"), d("100123.45"), d("123.45"), d("-0.000000010"),
                    List.of(new AccountSnapshot.RuleDistance("DAILY_LOSS", d("100123.45"), d("95000"), d("5123.45"),
                            d("5.117"), "equity 100123.45 vs floor 95000")), T0);
            case VIOLATION_DETECTED -> new ViolationDetected(id(10), "MAX_LOSS",
                    new ViolationDetected.Explanation(Map.of("peakEquity", "110000", "lossPct", "10"), d("99000"),
                            d("98999.99"), "2026-11-24", "America/New_York"), quote());
            case MONITORING_DEGRADED -> new MonitoringDegraded("KALSHI:FED-25DEC-T4.00:NO", "STALE_QUOTE", T0, true);
            case SIMULATION_REQUESTED -> new SimulationRequested(id(11), ASSESSMENT, USER,
                    List.of(d("12.5"), d("-3E-7"), d("0")), "BOOTSTRAP", 10_000, 30, 7L, T0);
            case SIMULATION_PROGRESS -> new SimulationProgress(id(11), 45);
            case SIMULATION_COMPLETED -> new SimulationCompleted(id(11), "COMPLETED",
                    new SimulationCompleted.Summary(d("0.4321"), d("0.42"), d("0.4442"), failureSplit()),
                    List.of(new SimulationCompleted.FanPoint(1, d("98000"), d("99000"), d("100000"), d("101000"),
                            d("102000"))));
            case PURCHASE_COMPLETED, PURCHASE_REFUNDED -> new PurchaseEvent(id(12), USER, id(5), 3, d("149.00"),
                    "USD", "evt_1QabcXYZ");
            case PURCHASE_FAILED -> new PurchaseEvent(id(13), USER, id(5), 3, d("149"), "USD", null);
            case ADMIN_AUDIT -> new AdminAudit("admin@vaticprop.com", "REINSTATE", "assessment/" + ASSESSMENT,
                    VaticJson.mapper().readTree("{\"state\":\"FAILED\"}"),
                    VaticJson.mapper().readTree("{\"state\":\"ACTIVE\"}"), "stale quote");
        };
    }

    private static Map<String, BigDecimal> failureSplit() {
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        split.put("DAILY_LOSS", d("0.31"));
        split.put("MAX_LOSS", d("0.0000001"));
        return split;
    }

    /** A valid envelope for the type: with seq and assessment exactly when the type carries a seq. */
    public static EventEnvelope<EventData> envelope(EventType type, long seq) {
        EventData data = sample(type);
        if (type.carriesSeq()) {
            return EventEnvelope.forAssessment(type, T0, ASSESSMENT, USER, seq, 1, data);
        }
        if (type == EventType.ACCOUNT_SNAPSHOT) {
            return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), 1, T0, ASSESSMENT, USER, null, 1, data);
        }
        return EventEnvelope.of(type, T0, data);
    }
}
