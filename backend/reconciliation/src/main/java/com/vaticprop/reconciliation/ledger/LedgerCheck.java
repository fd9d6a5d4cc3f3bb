package com.vaticprop.reconciliation.ledger;

import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.position.PositionChange;
import com.vaticprop.trading.position.PositionMath;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Core's own books against a replay of its fills: each account's trades are run through {@link PositionMath} — the
 * code core-service books them with — and the positions, realized P&L, fees and balance that come out must be the
 * stored ones ({@code balance = initial + Σ realized − Σ fees}); every order's filled quantity must be the sum of its
 * trades. A deleted trade, an edited position or a balance written twice all show up here.
 */
public final class LedgerCheck {

    private static final String WHERE = "core db";

    public void check(CoreData core, Findings findings) {
        Map<UUID, List<CoreData.Trade>> tradesByAccount = core.trades().stream()
                .collect(Collectors.groupingBy(CoreData.Trade::accountId));
        Map<UUID, List<CoreData.Position>> positionsByAccount = core.positions().stream()
                .collect(Collectors.groupingBy(CoreData.Position::accountId));
        for (CoreData.Account account : core.accounts()) {
            Replay replay = replay(tradesByAccount.getOrDefault(account.id(), List.of()));
            compareAccount(account, replay, findings);
            comparePositions(account, replay, positionsByAccount.getOrDefault(account.id(), List.of()), findings);
        }
        findings.counted("accounts", core.accounts().size());
        findings.counted("trades", core.trades().size());
        findings.counted("positions", core.positions().size());
        checkOrders(core, findings);
    }

    private static void compareAccount(CoreData.Account account, Replay replay, Findings findings) {
        String item = "account " + account.id() + " (assessment " + account.assessmentId() + ")";
        if (!same(account.feesPaid(), replay.fees)) {
            findings.add(Finding.Kind.MISMATCH, WHERE, item,
                    "fees_paid " + account.feesPaid() + " but the trades' fees sum to " + replay.fees);
        }
        if (!same(account.realizedPnl(), replay.realized)) {
            findings.add(Finding.Kind.MISMATCH, WHERE, item,
                    "realized_pnl " + account.realizedPnl() + " but a replay of the trades realizes " + replay.realized);
        }
        BigDecimal expected = account.initialBalance().add(replay.realized).subtract(replay.fees);
        if (!same(account.balance(), expected)) {
            findings.add(Finding.Kind.MISMATCH, WHERE, item, "balance " + account.balance()
                    + " but initial + Σ realized − Σ fees replayed from the trades = " + expected);
        }
    }

    /** Positions are matched by (instrument, opened at): the replay cannot know the ids core gave them. */
    private static void comparePositions(CoreData.Account account, Replay replay, List<CoreData.Position> stored,
                                         Findings findings) {
        Map<String, CoreData.Position> byKey = new HashMap<>();
        for (CoreData.Position p : stored) {
            byKey.put(key(p.instrument(), p.openedAt()), p);
        }
        for (Expected e : replay.positions) {
            CoreData.Position p = byKey.remove(key(e.instrument, e.openedAt));
            String item = "position " + e.instrument + " opened " + e.openedAt + " (account " + account.id() + ")";
            if (p == null) {
                findings.add(Finding.Kind.LOST, WHERE, item, "the trades open it but core.positions has no such row");
                continue;
            }
            item = "position " + p.id() + " " + p.instrument() + " (assessment " + p.assessmentId() + ")";
            if (!p.status().equals(e.status)) {
                findings.add(Finding.Kind.MISMATCH, WHERE, item, "status " + p.status() + ", replay says " + e.status);
            }
            if (e.status.equals("OPEN") && (!p.side().equals(e.side) || !same(p.qty(), e.qty))) {
                findings.add(Finding.Kind.MISMATCH, WHERE, item, "open " + p.side() + " " + p.qty()
                        + ", replay of the trades gives " + e.side + " " + e.qty);
            }
            if (!same(p.realizedPnl(), e.realized)) {
                findings.add(Finding.Kind.MISMATCH, WHERE, item,
                        "realized_pnl " + p.realizedPnl() + ", replay gives " + e.realized);
            }
            if (!same(p.fees(), e.fees)) {
                findings.add(Finding.Kind.MISMATCH, WHERE, item, "fees " + p.fees() + ", replay gives " + e.fees);
            }
        }
        for (CoreData.Position extra : byKey.values()) {
            findings.add(Finding.Kind.MISMATCH, WHERE, "position " + extra.id() + " " + extra.instrument(),
                    "stored but no trade of account " + account.id() + " opens it");
        }
    }

    private static void checkOrders(CoreData core, Findings findings) {
        Map<UUID, BigDecimal> filled = new HashMap<>();
        for (CoreData.Trade t : core.trades()) {
            filled.merge(t.orderId(), t.qty(), BigDecimal::add);
        }
        for (CoreData.Order o : core.orders()) {
            BigDecimal traded = filled.getOrDefault(o.id(), BigDecimal.ZERO);
            if (!same(o.filledQty(), traded)) {
                findings.add(Finding.Kind.MISMATCH, WHERE, "order " + o.id() + " (assessment " + o.assessmentId() + ")",
                        "filled_qty " + o.filledQty() + " but its trades sum to " + traded);
            }
            if ("FILLED".equals(o.status()) && !same(o.filledQty(), o.qty())) {
                findings.add(Finding.Kind.MISMATCH, WHERE, "order " + o.id(),
                        "status FILLED with filled_qty " + o.filledQty() + " of " + o.qty());
            }
        }
        findings.counted("orders", core.orders().size());
    }

    private static Replay replay(List<CoreData.Trade> trades) {
        Replay r = new Replay();
        Map<String, Position> open = new HashMap<>();
        Map<String, Expected> current = new HashMap<>();
        int[] ids = {0};
        for (CoreData.Trade t : trades) {
            Fill fill = new Fill(t.id().toString(), t.orderId().toString(), InstrumentId.of(t.instrument()),
                    Side.valueOf(t.side()), t.qty(), t.price(), t.fee(), null, t.executedAt());
            PositionChange change = PositionMath.apply(open.get(t.instrument()), fill,
                    () -> "replay-" + (ids[0]++));
            r.fees = r.fees.add(t.fee());
            if (change.closed() != null) {
                Expected closed = current.remove(t.instrument());
                closed.status = "CLOSED";
                closed.realized = change.closed().realizedPnl();
                closed.fees = change.closed().fees();
            }
            Position after = change.after();
            if (after == null) {
                open.remove(t.instrument());
            } else {
                open.put(t.instrument(), after);
                Expected e = current.computeIfAbsent(t.instrument(), i -> {
                    Expected fresh = new Expected(i, after.openedAt());
                    r.positions.add(fresh);
                    return fresh;
                });
                e.side = after.isLong() ? "LONG" : "SHORT";
                e.qty = after.absQty();
                e.realized = after.realizedPnl();
                e.fees = after.fees();
            }
        }
        for (Expected e : r.positions) {
            r.realized = r.realized.add(e.realized);
        }
        return r;
    }

    private static String key(String instrument, Instant openedAt) {
        return instrument + "@" + openedAt;
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static final class Replay {
        final List<Expected> positions = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
    }

    /** A position as the replay books it. */
    private static final class Expected {
        final String instrument;
        final Instant openedAt;
        String status = "OPEN";
        String side;
        BigDecimal qty;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;

        Expected(String instrument, Instant openedAt) {
            this.instrument = instrument;
            this.openedAt = openedAt;
        }
    }
}
