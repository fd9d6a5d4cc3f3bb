package com.vaticprop.trading.assessment;

import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.instrument.InstrumentSelector;
import com.vaticprop.trading.market.Depth;
import com.vaticprop.trading.market.Level;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.SlippageModel;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.ConsistencyGate;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.DayAnchor;
import com.vaticprop.trading.ruleset.DayBoundary;
import com.vaticprop.trading.ruleset.ExposureLimits;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.PriceBand;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.TradingDayDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static com.vaticprop.trading.fixtures.RandomInputs.allowance;
import static com.vaticprop.trading.fixtures.RandomInputs.pick;

/**
 * Random rule sets, settings and input sequences for whole-engine property tests: crypto and prediction-market
 * instruments together; every order type and time in force, reduce-only, duplicates; fresh, stale, out-of-order and
 * depth quotes; day rolls on timers (also across several days), market status, tick-size changes, resolutions and
 * voids, lifecycle commands (legal or not). Test-side randomness only, from the caller's {@link Random}.
 */
final class RandomSessions {
    static final Instant T0 = Instant.parse("2026-03-25T07:00:00Z");
    private static final List<InstrumentId> IDS = List.of(InstrumentId.of("BTC-USD"), InstrumentId.of("ETH-USD"),
            InstrumentId.of("POLY:111"), InstrumentId.of("KALSHI:FED:YES"), InstrumentId.of("KALSHI:FED:NO"));

    private RandomSessions() {
    }

    /** One or two phases with small targets (so phases pass), every loss-rule variant, optional gates and delays. */
    static RuleSet ruleSet(Random r) {
        BigDecimal initial = BigDecimal.valueOf(10_000L * (1 + r.nextInt(20)));
        DailyLossLimit daily = r.nextInt(5) == 0 ? null : new DailyLossLimit(allowance(r, initial),
                pick(r, LimitBasis.values()), pick(r, DayAnchor.values()), r.nextInt(4) != 0,
                r.nextInt(4) == 0 ? DailyEvaluation.END_OF_DAY : DailyEvaluation.INTRADAY);
        MaxLossMode mode = pick(r, MaxLossMode.values());
        boolean lock = mode != MaxLossMode.STATIC && r.nextBoolean();
        MaxLossLimit maxLoss = new MaxLossLimit(allowance(r, initial), mode, lock,
                BigDecimal.valueOf(r.nextInt(50_000), 2));
        List<Phase> phases = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            BigDecimal target = r.nextBoolean() ? BigDecimal.valueOf(1 + r.nextInt(20), 2)
                    : BigDecimal.valueOf(5 + r.nextInt(100), 2);
            phases.add(new Phase("P" + i, target, r.nextInt(3),
                    r.nextBoolean() ? null : 2 + r.nextInt(6)));
        }
        Integer inactivity = r.nextBoolean() ? null : 2 + r.nextInt(3);
        ConsistencyGate gate = r.nextInt(4) != 0 ? null
                : new ConsistencyGate(BigDecimal.valueOf(2000 + r.nextInt(8000), 2));
        ExposureLimits exposure = new ExposureLimits(BigDecimal.valueOf(1 + r.nextInt(5)),
                r.nextBoolean() ? null : BigDecimal.valueOf(20 + r.nextInt(80)),
                r.nextBoolean() ? null : BigDecimal.valueOf(5 + r.nextInt(15)),
                r.nextBoolean() ? null : new PriceBand(new BigDecimal("0.02"), new BigDecimal("0.98")),
                r.nextInt(3) == 0 ? 500 : 0);
        List<InstrumentSelector> instruments = Stream.concat(Tiers.cryptoTwoStep100k().instruments().stream(),
                Tiers.predictionMarkets25k().instruments().stream()).toList();
        return new RuleSet(initial, "USD", r.nextBoolean() ? DayBoundary.of("UTC", "00:00")
                : DayBoundary.of("Europe/Prague", "00:00"), instruments, new BigDecimal("80"), phases,
                new TradingDayDefinition(BigDecimal.valueOf(r.nextInt(300), 2)), daily, maxLoss, gate, inactivity,
                exposure);
    }

    static EngineSettings settings(Random r) {
        return new EngineSettings(InstrumentCatalog.standard(r.nextBoolean() ? BigDecimal.ZERO
                : BigDecimal.valueOf(r.nextInt(20))), r.nextInt(4) != 0 ? new SlippageModel.None() : new SlippageModel.Bps(BigDecimal.valueOf(r.nextInt(30))),
                StalenessPolicy.DEFAULT);
    }

    /** A session: Start, then {@code steps} quotes each followed by at most one other input. */
    static List<EngineInput> inputs(Random r, int steps) {
        List<EngineInput> in = new ArrayList<>();
        in.add(new EngineInput.Start(T0));
        double[] px = {60_000, 3_000, 0.45, 0.60, 0.40};
        Instant t = T0;
        int orders = 0;
        for (int step = 0; step < steps; step++) {
            t = t.plus(Duration.ofSeconds(1 + r.nextInt(r.nextInt(20) == 0 ? 20_000 : 900)));
            int i = r.nextInt(IDS.size());
            InstrumentId id = IDS.get(i);
            boolean share = i >= 2;
            px[i] = share ? Math.min(0.97, Math.max(0.03, px[i] + r.nextGaussian() * 0.03))
                    : px[i] * (1 + r.nextGaussian() * 0.006);
            BigDecimal tick = share ? (r.nextInt(4) == 0 ? new BigDecimal("0.001") : new BigDecimal("0.01"))
                    : new BigDecimal("0.01");
            BigDecimal bid = BigDecimal.valueOf(px[i]).setScale(tick.scale(), RoundingMode.HALF_EVEN);
            BigDecimal ask = bid.add(tick.multiply(BigDecimal.valueOf(r.nextInt(share ? 3 : 60))));
            BigDecimal size = share ? BigDecimal.valueOf(100 + r.nextInt(2000))
                    : BigDecimal.valueOf(1 + r.nextInt(300), 2);
            Instant received = r.nextInt(12) == 0 ? t.minusSeconds(1 + r.nextInt(600)) : t; // out of order
            Depth depth = r.nextInt(4) != 0 ? null : new Depth(
                    List.of(new Level(bid, size), new Level(bid.subtract(tick), size)),
                    List.of(new Level(ask, size), new Level(ask.add(tick), size.add(size))));
            in.add(new EngineInput.QuoteReceived(new Quote(id, "venue", bid, ask, size, size, received.minusMillis(5),
                    received, (long) step, depth)));
            Instant next = t.plusMillis(r.nextInt(8) == 0 ? 1_000 + r.nextInt(200_000) : 100 + r.nextInt(2_000));
            int action = r.nextInt(40);
            if (action < 16) {
                String oid = "o" + (++orders);
                String key = r.nextInt(15) == 0 && orders > 1 ? "k" + r.nextInt(orders) : "k" + orders;
                if (r.nextInt(20) == 0 && orders > 1) {
                    oid = "o" + (1 + r.nextInt(orders - 1)); // a duplicate order id
                }
                in.add(new EngineInput.PlaceOrder(order(r, oid, key, id, share, bid, ask, tick), next));
            } else if (action < 20 && orders > 0) {
                in.add(new EngineInput.CancelOrder("o" + (1 + r.nextInt(orders)), next));
            } else if (action < 24) {
                in.add(new EngineInput.Timer(r.nextInt(6) == 0 ? next.plus(Duration.ofHours(2 + r.nextInt(28)))
                        : next));
            } else if (action < 26) {
                in.add(new EngineInput.StatusChanged(id, pick(r, new MarketStatus[]{MarketStatus.OPEN,
                        MarketStatus.OPEN, MarketStatus.OPEN, MarketStatus.HALTED, MarketStatus.CLOSED}), next));
            } else if (action == 26 && share) {
                BigDecimal[] prices = {BigDecimal.ONE, BigDecimal.ZERO, null, new BigDecimal("0.37")};
                in.add(new EngineInput.Resolved(id, prices[r.nextInt(prices.length)], next));
            } else if (action == 27 && share) {
                in.add(new EngineInput.TickSizeChanged(id, tick, next));
            } else if (action == 28) {
                in.add(new EngineInput.Pause(next));
            } else if (action == 29 || action == 37 || action == 38) {
                in.add(new EngineInput.Resume(next));
            } else if (action == 30 && r.nextInt(80) == 0) {
                in.add(new EngineInput.Abandon(pick(r, AbandonReason.values()), next));
            } else if (action == 31 && r.nextInt(20) == 0) {
                in.add(new EngineInput.AdminFail("random", next));
            } else if (action >= 32 && action < 36) {
                in.add(new EngineInput.Reinstate("S-V" + (1 + r.nextInt(3)), "admin", "random", next));
            } else if (action == 39 || action == 25) {
                next = flatten(in, px, next, "f" + step);
            } else if (action == 36 && r.nextInt(10) == 0) {
                in.add(new EngineInput.Start(next)); // illegal once started
            }
            if (next.isAfter(t)) {
                t = next;
            }
        }
        in.add(new EngineInput.Timer(t.plusSeconds(10)));
        return in;
    }

    /**
     * Closes whatever is held (so profit targets, which need a flat account, can pass): a fresh quote of every
     * instrument (its market reopened), then reduce-only market orders (those that would not reduce are refused).
     */
    private static Instant flatten(List<EngineInput> in, double[] px, Instant at, String prefix) {
        Instant t = at;
        for (int i = 0; i < IDS.size(); i++) {
            InstrumentId id = IDS.get(i);
            boolean share = i >= 2;
            BigDecimal bid = BigDecimal.valueOf(px[i]).setScale(share ? 2 : 2, RoundingMode.HALF_EVEN);
            BigDecimal ask = bid; // no spread to pay on the way out
            BigDecimal size = new BigDecimal("100000");
            t = t.plusMillis(10);
            in.add(new EngineInput.StatusChanged(id, MarketStatus.OPEN, t));
            in.add(new EngineInput.QuoteReceived(new Quote(id, "venue", bid, ask, size, size, t, t, null, null)));
            List<OrderRequest> exits = new ArrayList<>();
            if (share) { // shares are long only and a sale above the holding is refused: sell it in binary slices
                for (int q = 512; q >= 1; q /= 2) {
                    String oid = prefix + "-" + i + "-" + q;
                    exits.add(new OrderRequest(oid, id, Side.SELL, OrderType.MARKET, BigDecimal.valueOf(q), null,
                            null, TimeInForce.IOC, true, oid));
                }
            } else {
                for (Side side : Side.values()) {
                    String oid = prefix + "-" + i + side;
                    exits.add(new OrderRequest(oid, id, side, OrderType.MARKET, new BigDecimal("10000"), null, null,
                            TimeInForce.IOC, true, oid));
                }
            }
            for (OrderRequest exit : exits) {
                t = t.plusMillis(10);
                in.add(new EngineInput.PlaceOrder(exit, t));
            }
        }
        return t;
    }

    private static OrderRequest order(Random r, String oid, String key, InstrumentId id, boolean share,
                                      BigDecimal bid, BigDecimal ask, BigDecimal tick) {
        Side side = r.nextInt(3) == 0 ? Side.SELL : Side.BUY;
        BigDecimal qty = share ? BigDecimal.valueOf(10 + r.nextInt(500))
                : id.value().startsWith("BTC") ? BigDecimal.valueOf(1 + r.nextInt(90), 2)
                : BigDecimal.valueOf(1 + r.nextInt(90), 1);
        OrderType type = pick(r, OrderType.values());
        BigDecimal off = tick.multiply(BigDecimal.valueOf(r.nextInt(share ? 4 : 300)));
        BigDecimal limit = null;
        BigDecimal stop = null;
        TimeInForce tif = TimeInForce.GTC;
        switch (type) {
            case MARKET -> tif = TimeInForce.IOC;
            case LIMIT -> {
                limit = side == Side.BUY ? bid.subtract(off) : ask.add(off);
                if (r.nextInt(4) == 0) {
                    limit = side == Side.BUY ? ask : bid; // marketable
                }
                tif = r.nextBoolean() ? TimeInForce.GTC : TimeInForce.IOC;
            }
            case STOP -> stop = side == Side.BUY ? ask.add(off) : bid.subtract(off);
        }
        if (limit != null && limit.signum() <= 0) {
            limit = tick;
        }
        if (stop != null && stop.signum() <= 0) {
            stop = tick;
        }
        return new OrderRequest(oid, id, side, type, qty, limit, stop, tif, r.nextInt(5) == 0, key);
    }
}
