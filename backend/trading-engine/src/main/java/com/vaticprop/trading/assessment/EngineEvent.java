package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.DayClose;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.WorkingOrder;
import com.vaticprop.trading.position.ClosedPosition;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.pretrade.Rejection;
import com.vaticprop.trading.rules.RuleCheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the engine decided, in order; each maps onto one event of CONTRACTS.md's topics (the caller adds the envelope
 * and the {@code seq}). Records, so that two replays can be compared with {@code equals}.
 */
public sealed interface EngineEvent {
    Instant at();

    record OrderAccepted(OrderRequest order, int phase, Instant at) implements EngineEvent {
    }

    record OrderRejected(OrderRequest order, Rejection rejection, Instant at) implements EngineEvent {
    }

    record OrderCancelled(String orderId, String reason, Instant at) implements EngineEvent {
    }

    record OrderFilled(Fill fill) implements EngineEvent {
        @Override
        public Instant at() {
            return fill.at();
        }
    }

    record PositionOpened(Position position) implements EngineEvent {
        @Override
        public Instant at() {
            return position.openedAt();
        }
    }

    record PositionClosed(ClosedPosition position) implements EngineEvent {
        @Override
        public Instant at() {
            return position.closedAt();
        }
    }

    record DayClosed(DayClose day, Instant at) implements EngineEvent {
    }

    /** A breach that failed the phase, with the quote that priced it (null for time-based rules). */
    record ViolationDetected(String violationId, RuleCheck check, Quote quote, Instant at) implements EngineEvent {
    }

    record StateChanged(AssessmentState from, AssessmentState to, String reason, Instant at) implements EngineEvent {
    }

    record PhasePassed(int phase, int nextPhase, String newAccountId, BigDecimal initialBalance, Instant at)
            implements EngineEvent {
    }

    record Completed(AssessmentState result, String reason, BigDecimal finalBalance, BigDecimal finalEquity,
                     String violationId, Instant at) implements EngineEvent {
    }

    record FundedEligible(BigDecimal profitSplitPct, BigDecimal finalBalance, Instant at) implements EngineEvent {
    }

    /**
     * An admin voided the breach that failed the assessment; the trader's pre-breach state is back.
     *
     * @param restoredState     ACTIVE or PAUSED, as before the breach
     * @param voidedTradeIds    the trades made on and after the breaching quote (its fills, the liquidation), which no
     *                          longer count
     * @param voidedPositionIds positions opened on and after it, which no longer exist
     * @param positions         the open positions restored (the liquidation had closed them)
     * @param workingOrders     the orders working again (the breach had cancelled them, or the bad tick filled them)
     */
    record Reinstated(String voidedViolationId, String actor, String reason, Instant at, AssessmentState restoredState,
                      List<String> voidedTradeIds, List<String> voidedPositionIds, List<Position> positions,
                      List<WorkingOrder> workingOrders) implements EngineEvent {
        public Reinstated {
            voidedTradeIds = List.copyOf(voidedTradeIds);
            voidedPositionIds = List.copyOf(voidedPositionIds);
            positions = List.copyOf(positions);
            workingOrders = List.copyOf(workingOrders);
        }
    }

    /** Prices for a held instrument are stale: rule monitoring cannot be trusted until they recover. */
    record MonitoringDegraded(InstrumentId instrument, Instant since, boolean recovered, Instant at)
            implements EngineEvent {
    }

    record Settled(InstrumentId instrument, BigDecimal price, boolean voided, Instant at) implements EngineEvent {
    }
}
