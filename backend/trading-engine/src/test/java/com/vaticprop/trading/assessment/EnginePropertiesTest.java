package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.fixtures.Engines;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.AssetClass;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.ruleset.RuleSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants that must hold after every input of any session, for each seed tier. */
class EnginePropertiesTest {

    @Property(tries = 30)
    void invariantsHoldThroughoutRandomSessions(@ForAll long seed, @ForAll("tier") int tier) {
        RuleSet rs = switch (tier) {
            case 0 -> Tiers.cryptoTwoStep100k();
            case 1 -> Tiers.cryptoOneStep50kTrailing();
            default -> Tiers.predictionMarkets25k();
        };
        AssessmentEngine engine = Engines.engine("P", rs);
        BigDecimal lastTrailingFloor = null;
        int lastPhase = 0;
        boolean terminalSeen = false;
        for (EngineInput input : ReplayTest.script(seed, tier == 2)) {
            EngineResult r = engine.apply(input);
            if (terminalSeen) {
                assertThat(r.fills()).as("no fills after the verdict").isEmpty();
            }
            for (Fill f : r.fills()) {
                assertThat(f.fee().signum()).as("fees are never negative").isGreaterThanOrEqualTo(0);
                assertThat(f.qty().signum()).isPositive();
                assertThat(f.quote()).as("every fill stores its quote").isNotNull();
            }
            if (engine.phase() != lastPhase) {
                lastPhase = engine.phase();
                lastTrailingFloor = null;
            }
            for (RuleCheck c : r.checks()) {
                if (c.rule() == RuleName.MAX_LOSS && rs.maxLoss().mode() != com.vaticprop.trading.ruleset
                        .MaxLossMode.STATIC) {
                    if (lastTrailingFloor != null) {
                        assertThat(c.threshold()).as("a trailing floor never falls")
                                .isGreaterThanOrEqualTo(lastTrailingFloor);
                    }
                    lastTrailingFloor = c.threshold();
                    if (rs.maxLoss().lockAtInitial()) {
                        assertThat(c.threshold()).isLessThanOrEqualTo(
                                rs.initialBalance().add(rs.maxLoss().lockOffset()));
                    }
                }
            }
            Account a = engine.account().orElse(null);
            if (a != null) {
                assertThat(a.cash().add(a.collateral()))
                        .isEqualByComparingTo(a.initialBalance().add(a.realizedPnl()).subtract(a.fees()));
                for (Position p : a.positions()) {
                    if (p.instrument().assetClass() == AssetClass.PREDICTION_MARKET) {
                        assertThat(p.qty().signum()).as("prediction markets are long only").isPositive();
                    }
                }
                assertThat(a.cash().signum()).as("fully paid shares never overdraw cash")
                        .isGreaterThanOrEqualTo(tier == 2 ? 0 : a.cash().signum());
            }
            terminalSeen = engine.state().terminal();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> tier() {
        return net.jqwik.api.Arbitraries.integers().between(0, 2);
    }
}
