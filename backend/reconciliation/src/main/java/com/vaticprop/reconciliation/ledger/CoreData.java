package com.vaticprop.reconciliation.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What core-service's database holds for the assessments of the window: the source of truth everything else is
 * compared with.
 */
public record CoreData(Map<UUID, Long> lastSeqByAssessment, List<Account> accounts, List<Order> orders,
                       List<Trade> trades, List<Position> positions, List<OutboxRow> outbox,
                       Set<UUID> voidedTrades) {

    public Set<UUID> assessments() {
        return lastSeqByAssessment.keySet();
    }

    public record Account(UUID id, UUID assessmentId, BigDecimal initialBalance, BigDecimal balance,
                          BigDecimal realizedPnl, BigDecimal feesPaid) {
    }

    public record Order(UUID id, UUID assessmentId, String status, BigDecimal qty, BigDecimal filledQty) {
    }

    public record Trade(UUID id, UUID assessmentId, UUID accountId, UUID orderId, String instrument, String side,
                        BigDecimal qty, BigDecimal price, BigDecimal fee, Instant executedAt) {
    }

    /** {@code qty} as stored: unsigned, the direction in {@code side} (LONG/SHORT). */
    public record Position(UUID id, UUID assessmentId, UUID accountId, String instrument, String side, BigDecimal qty,
                           BigDecimal realizedPnl, BigDecimal fees, String status, Instant openedAt) {
    }

    /** One outbox row; {@code tradeId} is the fill's trade for {@code trading.order-filled}, else null. */
    public record OutboxRow(UUID id, UUID assessmentId, Long seq, String topic, String type, Instant createdAt,
                            Instant publishedAt, UUID tradeId) {
    }
}
