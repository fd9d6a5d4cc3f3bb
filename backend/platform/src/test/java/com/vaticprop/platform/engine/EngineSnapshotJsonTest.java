package com.vaticprop.platform.engine;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.assessment.EngineSnapshot;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Depth;
import com.vaticprop.trading.market.Level;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.SlippageModel;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetDocument;
import com.vaticprop.trading.ruleset.RuleSetDocument.DailyLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.DayBoundaryDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.ExposureDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.MaxLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PhaseDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PriceBandDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.TradingDayDoc;
import com.vaticprop.trading.ruleset.RuleSetValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine snapshot core-service stores as JSON: written with the platform's one mapper and read back, it is
 * {@code equals} to the original (every decimal keeps its scale, nulls stay null) and restores an engine that goes on
 * exactly like the original.
 */
class EngineSnapshotJsonTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00.123456789Z");
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final InstrumentId YES = InstrumentId.of("KALSHI:FED:YES");
    private static final InstrumentId POLY = InstrumentId.of("POLY:111");

    private static RuleSet ruleSet() {
        return RuleSetValidator.validate(new RuleSetDocument("100000", "USD",
                new DayBoundaryDoc("Europe/Prague", "00:00"), List.of("BTC-USD", "ETH-USD", "POLY:*", "KALSHI:*"),
                "80", List.of(new PhaseDoc("Challenge", "10", 4, 30), new PhaseDoc("Verification", "5", 4, 60)),
                new TradingDayDoc("0"),
                new DailyLossDoc("5", null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "INTRADAY"),
                new MaxLossDoc("10", null, "TRAILING_INTRADAY_EQUITY", false, "0"), null, 14,
                new ExposureDoc("2", null, "5", new PriceBandDoc("0.02", "0.98"), 0L))).orThrow();
    }

    private static EngineSettings settings() {
        return new EngineSettings(InstrumentCatalog.standard(BigDecimal.TEN), new SlippageModel.None(),
                StalenessPolicy.DEFAULT);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A started engine with positions, marks, closed days, working orders (one partly filled), a stop, ticks. */
    private static AssessmentEngine busyEngine() {
        AssessmentEngine e = new AssessmentEngine("A1", ruleSet(), settings());
        e.start(T0);
        e.onQuote(new Quote(BTC, "coinbase", new BigDecimal("60000.50"), new BigDecimal("60010.00"),
                new BigDecimal("2.5000"), new BigDecimal("1.2"), at(1).minusMillis(3), at(1), 42L,
                new Depth(List.of(new Level(new BigDecimal("60000.50"), new BigDecimal("2.5000"))),
                        List.of(new Level(new BigDecimal("60010.00"), new BigDecimal("1.2")),
                                new Level(new BigDecimal("60020"), new BigDecimal("3"))))));
        e.placeOrder(OrderRequest.market("m1", BTC, Side.BUY, "0.5"), at(2));
        e.placeOrder(OrderRequest.stop("s1", BTC, Side.SELL, "0.5", "59000.00").asReduceOnly(), at(3));
        e.onQuote(Quote.top(YES, "0.40", "0.42", "1000", "1000", at(4)));
        e.placeOrder(OrderRequest.market("k1", YES, Side.BUY, "100"), at(5));
        e.placeOrder(OrderRequest.limit("l1", YES, Side.BUY, "300", "0.38", TimeInForce.GTC), at(6));
        e.onQuote(Quote.top(YES, "0.37", "0.38", "50", "120.5", at(7)));
        e.onTickSize(POLY, new BigDecimal("0.001"), at(8));
        e.onMarketStatus(POLY, MarketStatus.HALTED, at(9));
        e.onQuote(Quote.top(BTC, "60100", "60100.5", "1", "1", at(86_400)));
        e.onQuote(Quote.top(YES, "0.39", "0.40", "500", "500", at(86_401)));
        e.onTimer(at(86_400 + 200)); // BTC stale: degraded
        return e;
    }

    @Test
    void aBusySnapshotSurvivesJsonExactly() throws Exception {
        AssessmentEngine engine = busyEngine();
        EngineSnapshot snapshot = engine.snapshot();
        assertThat(snapshot.account().closedDays()).isNotEmpty();
        assertThat(snapshot.workingOrders()).hasSize(2);
        assertThat(snapshot.workingOrders().get(1).filledQty()).isEqualByComparingTo("120.5");
        assertThat(snapshot.degradedSince()).containsKey("BTC-USD");
        assertThat(snapshot.tickSizes()).containsKey("POLY:111");
        assertThat(snapshot.lastEvaluation()).isNotNull();

        String json = VaticJson.mapper().writeValueAsString(snapshot);
        EngineSnapshot read = VaticJson.mapper().readValue(json, EngineSnapshot.class);

        assertThat(read).isEqualTo(snapshot);
        assertThat(VaticJson.mapper().writeValueAsString(read)).isEqualTo(json);
        JsonNode tree = VaticJson.mapper().readTree(json);
        JsonNode btcMark = tree.get("account").get("marks").get("BTC-USD");
        assertThat(btcMark.get("ask").isString()).as("decimals are strings").isTrue();
        assertThat(btcMark.get("ask").asString()).as("scale kept").isEqualTo("60100.5");
        assertThat(tree.get("quotes").get("KALSHI:FED:YES").get("bid").asString()).isEqualTo("0.39");
        assertThat(tree.get("account").get("fees").asString()).as("booked amounts keep scale 8")
                .isEqualTo(snapshot.account().fees().toPlainString()).matches("\\d+\\.\\d{8}");
        assertThat(read.account().cash().scale()).isEqualTo(snapshot.account().cash().scale());
    }

    @Test
    void anEngineRestoredFromJsonGoesOnLikeTheOriginal() throws Exception {
        AssessmentEngine original = busyEngine();
        String json = VaticJson.mapper().writeValueAsString(original.snapshot());
        AssessmentEngine restored = AssessmentEngine.restore("A1", ruleSet(), settings(),
                VaticJson.mapper().readValue(json, EngineSnapshot.class));
        Quote drop = Quote.top(BTC, "58900", "58901", "5", "5", at(86_400 + 300));
        var expected = original.onQuote(drop);
        assertThat(expected.fills()).as("the stop triggers").isNotEmpty();
        assertThat(restored.onQuote(drop)).isEqualTo(expected);
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }
}
