package com.vaticprop.trading.assessment;

import com.vaticprop.trading.fixtures.Engines;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.RuleSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {
    private static final Instant T0 = Instant.parse("2026-03-25T07:00:00Z");

    /** A scripted session: random walks, random orders, timers; test-side randomness only, from a seed. */
    static List<EngineInput> script(long seed, boolean predictionMarkets) {
        Random rnd = new Random(seed);
        List<EngineInput> in = new ArrayList<>();
        in.add(new EngineInput.Start(T0));
        List<InstrumentId> ids = predictionMarkets
                ? List.of(InstrumentId.of("POLY:111"), InstrumentId.of("KALSHI:FED:YES"))
                : List.of(InstrumentId.of("BTC-USD"), InstrumentId.of("ETH-USD"));
        double[] px = predictionMarkets ? new double[]{0.45, 0.60} : new double[]{60000, 3000};
        Instant t = T0;
        int orders = 0;
        for (int step = 0; step < 600; step++) {
            t = t.plus(Duration.ofSeconds(30 + rnd.nextInt(3600)));
            int i = rnd.nextInt(ids.size());
            InstrumentId id = ids.get(i);
            if (predictionMarkets) {
                px[i] = Math.min(0.97, Math.max(0.03, px[i] + (rnd.nextGaussian() * 0.02)));
            } else {
                px[i] = px[i] * (1 + rnd.nextGaussian() * 0.004);
            }
            BigDecimal bid = BigDecimal.valueOf(px[i]).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal ask = bid.add(predictionMarkets ? new BigDecimal("0.01") : new BigDecimal("0.50"));
            String size = predictionMarkets ? "500" : "2";
            in.add(new EngineInput.QuoteReceived(new Quote(id, "venue", bid, ask, new BigDecimal(size),
                    new BigDecimal(size), t, t, (long) step, null)));
            int action = rnd.nextInt(10);
            if (action < 3) {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                String qty = predictionMarkets ? String.valueOf(10 + rnd.nextInt(300))
                        : (i == 0 ? "0." + (1 + rnd.nextInt(9)) : String.valueOf(1 + rnd.nextInt(9)));
                OrderType type = OrderType.values()[rnd.nextInt(3)];
                String oid = "o" + (++orders);
                BigDecimal off = predictionMarkets ? new BigDecimal("0.02") : bid.multiply(new BigDecimal("0.002"))
                        .setScale(2, RoundingMode.HALF_EVEN);
                OrderRequest o = switch (type) {
                    case MARKET -> OrderRequest.market(oid, id, side, qty);
                    case LIMIT -> OrderRequest.limit(oid, id, side, qty,
                            (side == Side.BUY ? bid.subtract(off) : ask.add(off)).toPlainString(),
                            rnd.nextBoolean() ? TimeInForce.GTC : TimeInForce.IOC);
                    case STOP -> OrderRequest.stop(oid, id, side, qty,
                            (side == Side.BUY ? ask.add(off) : bid.subtract(off)).toPlainString());
                };
                in.add(new EngineInput.PlaceOrder(o, t.plusMillis(200)));
            } else if (action == 3 && orders > 0) {
                in.add(new EngineInput.CancelOrder("o" + (1 + rnd.nextInt(orders)), t.plusMillis(300)));
            } else if (action == 4) {
                in.add(new EngineInput.Timer(t.plusMillis(400)));
            }
        }
        if (predictionMarkets) {
            in.add(new EngineInput.StatusChanged(ids.get(0), MarketStatus.CLOSED, t.plusSeconds(1)));
            in.add(new EngineInput.Resolved(ids.get(0), BigDecimal.ONE, t.plusSeconds(2)));
            in.add(new EngineInput.Resolved(ids.get(1), null, t.plusSeconds(3)));
        }
        in.add(new EngineInput.Timer(t.plusSeconds(10)));
        return in;
    }

    private static void assertSameReplay(RuleSet rs, List<EngineInput> inputs) {
        Replay.Outcome first = Replay.run("R", rs, Engines.settings(), inputs);
        Replay.Outcome second = Replay.run("R", rs, Engines.settings(), inputs);
        assertThat(second.results()).hasSameSizeAs(first.results());
        for (int i = 0; i < first.results().size(); i++) {
            assertThat(second.results().get(i)).as("result of input " + i).isEqualTo(first.results().get(i));
        }
        assertThat(second.lifecycle()).isEqualTo(first.lifecycle());
        assertThat(second.phase()).isEqualTo(first.phase());
    }

    @Test
    void sameInputsGiveTheSameFillsChecksAndVerdict() {
        for (RuleSet rs : List.of(Tiers.cryptoTwoStep100k(), Tiers.cryptoOneStep50kTrailing())) {
            List<EngineInput> inputs = script(42, false);
            assertSameReplay(rs, inputs);
            Replay.Outcome o = Replay.run("R", rs, Engines.settings(), inputs);
            long fills = o.results().stream().mapToLong(r -> r.fills().size()).sum();
            long checks = o.results().stream().mapToLong(r -> r.checks().size()).sum();
            assertThat(fills).as("the script exercises fills").isGreaterThan(5);
            assertThat(checks).as("and rule checks").isGreaterThan(50);
        }
        List<EngineInput> pm = script(7, true);
        assertSameReplay(Tiers.predictionMarkets25k(), pm);
    }

    @Property(tries = 25)
    void replayIsDeterministicForAnyScript(@ForAll long seed, @ForAll boolean predictionMarkets) {
        RuleSet rs = predictionMarkets ? Tiers.predictionMarkets25k() : Tiers.cryptoTwoStep100k();
        assertSameReplay(rs, script(seed, predictionMarkets));
    }

    @Test
    void bookkeepingOfAReplayedSessionBalances() {
        AssessmentEngine engine = Engines.engine("R", Tiers.cryptoOneStep50kTrailing());
        for (EngineInput input : script(3, false)) {
            engine.apply(input);
        }
        var a = engine.account().orElseThrow();
        assertThat(a.cash().add(a.collateral()))
                .isEqualByComparingTo(a.initialBalance().add(a.realizedPnl()).subtract(a.fees()));
        BigDecimal closedNet = a.closedPositions().stream().map(c -> c.realizedPnl()).reduce(BigDecimal.ZERO,
                BigDecimal::add).add(a.positions().stream().map(p -> p.realizedPnl()).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        assertThat(closedNet).isEqualByComparingTo(a.realizedPnl());
    }
}
