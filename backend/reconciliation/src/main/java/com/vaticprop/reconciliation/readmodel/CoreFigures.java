package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.reconciliation.ledger.CoreData;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The per-assessment figures of core's books that the read models can be held to: closed round trips by position id,
 * and the "closed-trip balance" — initial + Σ realized of closed positions − Σ fees of every fill — which a read model
 * that sees only fills and closed round trips can compute too. (For an account with no partly reduced open position
 * it is the balance itself.)
 */
record CoreFigures(Map<UUID, CoreData.Position> closedPositions, Map<UUID, CoreData.Trade> trades,
                   Map<UUID, BigDecimal> closedTripBalance, Map<UUID, BigDecimal> balance) {

    static CoreFigures of(CoreData core) {
        Map<UUID, CoreData.Position> closed = new HashMap<>();
        Map<UUID, BigDecimal> closedTrip = new HashMap<>();
        Map<UUID, BigDecimal> balance = new HashMap<>();
        for (CoreData.Account a : core.accounts()) {
            closedTrip.merge(a.assessmentId(), a.initialBalance(), BigDecimal::add);
            balance.merge(a.assessmentId(), a.balance(), BigDecimal::add);
        }
        for (CoreData.Position p : core.positions()) {
            if ("CLOSED".equals(p.status())) {
                closed.put(p.id(), p);
                closedTrip.merge(p.assessmentId(), p.realizedPnl(), BigDecimal::add);
            }
        }
        Map<UUID, CoreData.Trade> trades = new HashMap<>();
        for (CoreData.Trade t : core.trades()) {
            trades.put(t.id(), t);
            closedTrip.merge(t.assessmentId(), t.fee().negate(), BigDecimal::add);
        }
        // a later phase's account starts afresh: a read model keeps one initial balance, so only one-account
        // assessments get a balance comparison
        Map<UUID, Long> accounts = new HashMap<>();
        core.accounts().forEach(a -> accounts.merge(a.assessmentId(), 1L, Long::sum));
        accounts.forEach((assessment, n) -> {
            if (n > 1) {
                closedTrip.remove(assessment);
                balance.remove(assessment);
            }
        });
        return new CoreFigures(closed, trades, closedTrip, balance);
    }

    /** initial + Σ (realized − fees) of the closed round trips, the figure Monte Carlo's sample can reproduce. */
    BigDecimal closedNet(CoreData core, UUID assessment) {
        if (!balance.containsKey(assessment)) {
            return null;
        }
        BigDecimal net = core.accounts().stream().filter(a -> a.assessmentId().equals(assessment))
                .map(CoreData.Account::initialBalance).findFirst().orElse(BigDecimal.ZERO);
        for (CoreData.Position p : closedPositions.values()) {
            if (p.assessmentId().equals(assessment)) {
                net = net.add(p.realizedPnl()).subtract(p.fees());
            }
        }
        return net;
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
