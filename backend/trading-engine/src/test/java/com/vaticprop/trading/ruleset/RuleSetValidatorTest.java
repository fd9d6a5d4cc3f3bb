package com.vaticprop.trading.ruleset;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.ruleset.RuleSetDocument.DailyLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.DayBoundaryDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.ExposureDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.MaxLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PhaseDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PriceBandDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.TradingDayDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetValidatorTest {

    @Test
    void theThreeFixtureTiersAreValid() {
        for (RuleSetDocument doc : List.of(Tiers.cryptoTwoStep100kDoc(), Tiers.cryptoOneStep50kTrailingDoc(),
                Tiers.predictionMarkets25kDoc())) {
            RuleSetValidation result = RuleSetValidator.validate(doc);
            assertThat(result.errors()).isEmpty();
            assertThat(result.isValid()).isTrue();
        }
    }

    @Test
    void typedValuesCarryTheFixtureSemantics() {
        RuleSet twoStep = Tiers.cryptoTwoStep100k();
        assertThat(twoStep.dayBoundary().zone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(twoStep.dayBoundary().time()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(twoStep.phases()).extracting(Phase::name).containsExactly("Challenge", "Verification");
        assertThat(twoStep.dailyLoss().allowance()).isEqualTo(new LossAllowance.Percent(new BigDecimal("5")));
        assertThat(twoStep.allows(InstrumentId.of("BTC-USD"))).isTrue();
        assertThat(twoStep.allows(InstrumentId.of("KALSHI:FED-23DEC-T3.00:YES"))).isFalse();

        RuleSet trailing = Tiers.cryptoOneStep50kTrailing();
        assertThat(trailing.maxLoss().allowance()).isEqualTo(new LossAllowance.Amount(new BigDecimal("3000")));
        assertThat(trailing.maxLoss().lockAtInitial()).isTrue();
        assertThat(trailing.phases().get(0).hasDurationLimit()).isFalse();
        assertThat(trailing.consistencyGate()).isPresent();

        RuleSet pm = Tiers.predictionMarkets25k();
        assertThat(pm.allows(InstrumentId.of("POLY:123456"))).isTrue();
        assertThat(pm.allows(InstrumentId.of("KALSHI:FED-23DEC-T3.00:NO"))).isTrue();
        assertThat(pm.allows(InstrumentId.of("BTC-USD"))).isFalse();
        assertThat(pm.exposure().priceBand().contains(new BigDecimal("0.02"))).isTrue();
        assertThat(pm.exposure().priceBand().contains(new BigDecimal("0.019"))).isFalse();
    }

    @Test
    void documentRoundTripsThroughTheTypedRuleSet() {
        for (RuleSetDocument doc : List.of(Tiers.cryptoTwoStep100kDoc(), Tiers.cryptoOneStep50kTrailingDoc(),
                Tiers.predictionMarkets25kDoc())) {
            RuleSet typed = RuleSetValidator.validate(doc).orThrow();
            assertThat(RuleSetDocument.from(typed)).isEqualTo(doc);
        }
    }

    static Stream<Arguments> invalid() {
        RuleSetDocument base = Tiers.cryptoTwoStep100kDoc();
        RuleSetDocument pm = Tiers.predictionMarkets25kDoc();
        return Stream.of(
                bad("initialBalance", base, d -> with(d).initialBalance("0")),
                bad("initialBalance", base, d -> with(d).initialBalance("-5")),
                bad("initialBalance", base, d -> with(d).initialBalance("1e")),
                bad("currency", base, d -> with(d).currency("usd")),
                bad("dayBoundary", base, d -> with(d).dayBoundary(null)),
                bad("dayBoundary.zone", base, d -> with(d).dayBoundary(new DayBoundaryDoc("Mars/Olympus", "00:00"))),
                bad("dayBoundary.time", base, d -> with(d).dayBoundary(new DayBoundaryDoc("UTC", "25:00"))),
                bad("dayBoundary.time", base, d -> with(d).dayBoundary(new DayBoundaryDoc("UTC", "5pm"))),
                bad("instruments", base, d -> with(d).instruments(List.of())),
                bad("instruments[1]", base, d -> with(d).instruments(List.of("BTC-USD", "DOGE-USD"))),
                bad("instruments[1]", base, d -> with(d).instruments(List.of("BTC-USD", "BTC-USD"))),
                bad("instruments[0]", base, d -> with(d).instruments(List.of("KALSHI:FED:MAYBE"))),
                bad("profitSplitPct", base, d -> with(d).profitSplitPct("100.01")),
                bad("phases", base, d -> with(d).phases(List.of())),
                bad("phases[0].profitTargetPct", base,
                        d -> with(d).phases(List.of(new PhaseDoc("A", "0", 4, 30)))),
                bad("phases[1].profitTargetPct", base, d -> with(d).phases(
                        List.of(new PhaseDoc("A", "10", 4, 30), new PhaseDoc("B", "101", 4, 30)))),
                bad("phases[0].name", base, d -> with(d).phases(List.of(new PhaseDoc(" ", "10", 4, 30)))),
                bad("phases[0].minTradingDays", base, d -> with(d).phases(List.of(new PhaseDoc("A", "10", -1, 30)))),
                bad("phases[0].minTradingDays", base, d -> with(d).phases(List.of(new PhaseDoc("A", "10", 31, 30)))),
                bad("phases[0].maxDurationDays", base, d -> with(d).phases(List.of(new PhaseDoc("A", "10", 0, 0)))),
                bad("tradingDay.minTradeNotionalPctOfInitial", base, d -> with(d).tradingDay(new TradingDayDoc("-1"))),
                bad("dailyLoss", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("5", "1000", "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "INTRADAY"))),
                bad("dailyLoss", base, d -> with(d).dailyLoss(
                        new DailyLossDoc(null, null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "INTRADAY"))),
                bad("dailyLoss.pct", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("0", null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "INTRADAY"))),
                bad("dailyLoss.amount", base, d -> with(d).dailyLoss(
                        new DailyLossDoc(null, "0", null, "PRIOR_DAY_BALANCE", true, "INTRADAY"))),
                bad("dailyLoss.limitBasis", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("5", null, "EQUITY", "PRIOR_DAY_BALANCE", true, "INTRADAY"))),
                bad("dailyLoss.anchor", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("5", null, "INITIAL_BALANCE", "YESTERDAY", true, "INTRADAY"))),
                bad("dailyLoss.evaluation", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("5", null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", true, "HOURLY"))),
                bad("dailyLoss.includeOpenPnl", base, d -> with(d).dailyLoss(
                        new DailyLossDoc("5", null, "INITIAL_BALANCE", "PRIOR_DAY_BALANCE", null, "INTRADAY"))),
                bad("maxLoss", base, d -> with(d).maxLoss(null)),
                bad("maxLoss", base, d -> with(d).maxLoss(new MaxLossDoc("10", "500", "STATIC", false, "0"))),
                bad("maxLoss.amount", base, d -> with(d).maxLoss(new MaxLossDoc(null, "100000", "STATIC", false,
                        "0"))),
                bad("maxLoss.mode", base, d -> with(d).maxLoss(new MaxLossDoc("10", null, "TRAILING", false, "0"))),
                bad("maxLoss.lockOffset", base, d -> with(d).maxLoss(
                        new MaxLossDoc("10", null, "TRAILING_EOD_BALANCE", true, "-1"))),
                bad("maxLoss.lockAtInitial", base, d -> with(d).maxLoss(new MaxLossDoc("10", null, "STATIC", true,
                        "0"))),
                bad("consistency.maxBestDayPctOfProfit", base,
                        d -> with(d).consistency(new RuleSetDocument.ConsistencyDoc("0"))),
                bad("inactivityDays", base, d -> with(d).inactivityDays(0)),
                bad("exposure", base, d -> with(d).exposure(null)),
                bad("exposure.maxLeverage", base, d -> with(d).exposure(new ExposureDoc("0", null, null, null, 0L))),
                bad("exposure.maxPositionNotionalPct", base,
                        d -> with(d).exposure(new ExposureDoc("1", "-3", null, null, 0L))),
                bad("exposure.maxMarketCostPctOfInitial", pm,
                        d -> with(d).exposure(new ExposureDoc("1", null, "150", null, 0L))),
                bad("exposure.priceBand", pm, d -> with(d).exposure(
                        new ExposureDoc("1", null, "5", new PriceBandDoc("0.5", "0.5"), 0L))),
                bad("exposure.priceBand.max", pm, d -> with(d).exposure(
                        new ExposureDoc("1", null, "5", new PriceBandDoc("0.1", "1.01"), 0L))),
                bad("exposure.priceBand.min", pm, d -> with(d).exposure(
                        new ExposureDoc("1", null, "5", new PriceBandDoc("-0.01", "0.9"), 0L))),
                bad("exposure.fillDelayMs", pm, d -> with(d).exposure(new ExposureDoc("1", null, null, null, -1L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidRuleSetsAreRejectedWithTheFieldPath(String path, RuleSetDocument doc) {
        RuleSetValidation result = RuleSetValidator.validate(doc);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::path).containsExactly(path);
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        RuleSetDocument doc = with(Tiers.cryptoTwoStep100kDoc()).initialBalance("0").currency(null)
                .phases(List.of(new PhaseDoc("A", "0", 1, 10), new PhaseDoc("", "5", 1, 10))).build();
        assertThat(RuleSetValidator.validate(doc).errors()).extracting(FieldError::path)
                .containsExactlyInAnyOrder("initialBalance", "currency", "phases[0].profitTargetPct",
                        "phases[1].name");
    }

    @Test
    void optionalExposureFieldsTakeTheirDefaults() {
        RuleSetDocument doc = with(Tiers.cryptoTwoStep100kDoc())
                .exposure(new ExposureDoc(null, null, null, null, null)).build();
        RuleSet rs = RuleSetValidator.validate(doc).orThrow();
        assertThat(rs.exposure().maxLeverage()).isEqualByComparingTo("1");
        assertThat(rs.exposure().fillDelayMs()).isZero();
    }

    @Test
    void fixedAmountDailyLossNeedsNoLimitBasis() {
        RuleSetDocument doc = with(Tiers.cryptoTwoStep100kDoc()).dailyLoss(
                new DailyLossDoc(null, "2500", null, "PRIOR_DAY_EQUITY", false, "END_OF_DAY")).build();
        RuleSet rs = RuleSetValidator.validate(doc).orThrow();
        assertThat(rs.dailyLoss().allowance()).isEqualTo(new LossAllowance.Amount(new BigDecimal("2500")));
        assertThat(rs.dailyLoss().evaluation()).isEqualTo(DailyEvaluation.END_OF_DAY);
        assertThat(rs.dailyLoss().includeOpenPnl()).isFalse();
    }

    @Test
    void optionalSectionsMayBeAbsent() {
        RuleSetDocument doc = with(Tiers.cryptoTwoStep100kDoc()).dailyLoss(null).consistency(null)
                .inactivityDays(null).build();
        RuleSet rs = RuleSetValidator.validate(doc).orThrow();
        assertThat(rs.dailyLossLimit()).isEmpty();
        assertThat(rs.consistencyGate()).isEmpty();
        assertThat(rs.inactivityLimitDays()).isEmpty();
        assertThat(RuleSetValidator.validate(null).errors()).extracting(FieldError::path).containsExactly("");
    }

    private static Arguments bad(String path, RuleSetDocument base,
                                 java.util.function.Function<RuleSetDocument, DocBuilder> mutate) {
        return Arguments.of(path, mutate.apply(base).build());
    }

    static DocBuilder with(RuleSetDocument d) {
        return new DocBuilder(d);
    }

    /** Copy-with for the immutable document, one field at a time; ends implicitly when used as the mutated doc. */
    static final class DocBuilder {
        private String initialBalance, currency, profitSplitPct;
        private DayBoundaryDoc dayBoundary;
        private List<String> instruments;
        private List<PhaseDoc> phases;
        private TradingDayDoc tradingDay;
        private DailyLossDoc dailyLoss;
        private MaxLossDoc maxLoss;
        private RuleSetDocument.ConsistencyDoc consistency;
        private Integer inactivityDays;
        private ExposureDoc exposure;

        DocBuilder(RuleSetDocument d) {
            initialBalance = d.initialBalance();
            currency = d.currency();
            dayBoundary = d.dayBoundary();
            instruments = d.instruments() == null ? null : new ArrayList<>(d.instruments());
            profitSplitPct = d.profitSplitPct();
            phases = d.phases();
            tradingDay = d.tradingDay();
            dailyLoss = d.dailyLoss();
            maxLoss = d.maxLoss();
            consistency = d.consistency();
            inactivityDays = d.inactivityDays();
            exposure = d.exposure();
        }

        DocBuilder initialBalance(String v) { initialBalance = v; return this; }
        DocBuilder currency(String v) { currency = v; return this; }
        DocBuilder dayBoundary(DayBoundaryDoc v) { dayBoundary = v; return this; }
        DocBuilder instruments(List<String> v) { instruments = v; return this; }
        DocBuilder profitSplitPct(String v) { profitSplitPct = v; return this; }
        DocBuilder phases(List<PhaseDoc> v) { phases = v; return this; }
        DocBuilder tradingDay(TradingDayDoc v) { tradingDay = v; return this; }
        DocBuilder dailyLoss(DailyLossDoc v) { dailyLoss = v; return this; }
        DocBuilder maxLoss(MaxLossDoc v) { maxLoss = v; return this; }
        DocBuilder consistency(RuleSetDocument.ConsistencyDoc v) { consistency = v; return this; }
        DocBuilder inactivityDays(Integer v) { inactivityDays = v; return this; }
        DocBuilder exposure(ExposureDoc v) { exposure = v; return this; }

        RuleSetDocument build() {
            return new RuleSetDocument(initialBalance, currency, dayBoundary, instruments, profitSplitPct, phases,
                    tradingDay, dailyLoss, maxLoss, consistency, inactivityDays, exposure);
        }
    }
}
