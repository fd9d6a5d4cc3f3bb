package com.vaticprop.trading.assessment;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything that can happen to an assessment, with the time it happened. The engine reads no clock: a stored list of
 * inputs is the complete evidence needed to replay an assessment to the same fills, checks and verdict.
 */
public sealed interface EngineInput {
    Instant at();

    record Start(Instant at) implements EngineInput {
    }

    record PlaceOrder(OrderRequest order, Instant at) implements EngineInput {
    }

    record CancelOrder(String orderId, Instant at) implements EngineInput {
    }

    record QuoteReceived(Quote quote) implements EngineInput {
        @Override
        public Instant at() {
            return quote.receivedTs();
        }
    }

    record StatusChanged(InstrumentId instrument, MarketStatus status, Instant at) implements EngineInput {
    }

    /** A market resolved at {@code price} in [0, 1], or was voided ({@code price == null}). */
    record Resolved(InstrumentId instrument, BigDecimal price, Instant at) implements EngineInput {
        public boolean voided() {
            return price == null;
        }
    }

    record Timer(Instant at) implements EngineInput {
    }

    record TickSizeChanged(InstrumentId instrument, BigDecimal tickSize, Instant at) implements EngineInput {
    }

    record Pause(Instant at) implements EngineInput {
    }

    record Resume(Instant at) implements EngineInput {
    }

    record Abandon(AbandonReason reason, Instant at) implements EngineInput {
    }

    record AdminFail(String reason, Instant at) implements EngineInput {
    }

    record Reinstate(String voidedViolationId, String actor, String reason, Instant at) implements EngineInput {
    }
}
