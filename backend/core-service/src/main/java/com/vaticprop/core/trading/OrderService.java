package com.vaticprop.core.trading;

import com.vaticprop.core.engine.LiveAssessments;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.assessment.AssessmentState;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.order.OrderRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Placing and cancelling orders. Each runs through the assessment's engine with its row locked
 * ({@link LiveAssessments#execute}), so one account's orders are applied one at a time on any replica. The
 * {@code Idempotency-Key} is checked under that lock: the same key with the same order returns the first outcome,
 * the same key with another order is a 409, and two concurrent requests with one key place one order.
 */
final class OrderService {

    private final LiveAssessments live;
    private final TradingQueries queries;
    private final OrderRateLimiter rateLimiter;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxOpenOrders;

    OrderService(LiveAssessments live, TradingQueries queries, OrderRateLimiter rateLimiter, JdbcClient jdbc,
                 Clock clock, int maxOpenOrders) {
        this.live = live;
        this.queries = queries;
        this.rateLimiter = rateLimiter;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxOpenOrders = maxOpenOrders;
    }

    /** The order after placement (or as first placed, for a repeated key); REJECTED ones carry the check. */
    OrderView place(UUID assessmentId, Caller caller, OrderCommand command, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-required",
                    "An Idempotency-Key header (1–255 characters, unique per order) is required.");
        }
        OrderRequest request = OrderValidation.validate(command, UUID.randomUUID(), idempotencyKey.strip());
        requireOwner(assessmentId, caller);
        if (!rateLimiter.tryAcquire(assessmentId)) {
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "order-rate-limited",
                    "At most " + rateLimiter.perSecond() + " orders per second per assessment.")
                    .withHeader("Retry-After", "1");
        }
        UUID orderId = live.execute(assessmentId, session -> {
            var existing = queries.orderByKey(assessmentId, request.idempotencyKey());
            if (existing.isPresent()) {
                if (!sameOrder(request, existing.get())) {
                    throw new ApiProblemException(HttpStatus.CONFLICT, "idempotency-key-reused",
                            "This Idempotency-Key was used for a different order.");
                }
                return existing.get().id();
            }
            AssessmentState state = session.engine().state();
            if (state != AssessmentState.ACTIVE) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "assessment-not-active",
                        "Orders are accepted only while the assessment is ACTIVE; it is " + state + ".");
            }
            if (session.engine().workingOrders().size() >= maxOpenOrders) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "too-many-open-orders",
                        "At most " + maxOpenOrders + " orders may be open at once; cancel one first.");
            }
            java.time.Instant now = clock.instant();
            session.feedLatestQuote(request.instrument(), now);
            session.apply(new EngineInput.PlaceOrder(request, now));
            return UUID.fromString(request.orderId());
        });
        return queries.order(assessmentId, orderId).orElseThrow();
    }

    OrderView cancel(UUID assessmentId, UUID orderId, Caller caller) {
        requireOwner(assessmentId, caller);
        live.execute(assessmentId, session -> {
            OrderView order = queries.order(assessmentId, orderId).orElseThrow(() ->
                    new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such order."));
            if (!List.of("OPEN", "PARTIALLY_FILLED", "PENDING").contains(order.status())) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "order-not-open",
                        "The order is " + order.status() + " and can no longer be cancelled.");
            }
            return session.apply(new EngineInput.CancelOrder(orderId.toString(), clock.instant()));
        });
        return queries.order(assessmentId, orderId).orElseThrow();
    }

    /** 404 for an assessment that does not exist or is someone else's (the same answer: nothing is revealed). */
    void requireOwner(UUID assessmentId, Caller caller) {
        UUID owner = jdbc.sql("SELECT user_id FROM assessments WHERE id = ?").param(assessmentId).query(UUID.class)
                .optional().orElse(null);
        if (owner == null || !caller.mayAccess(owner)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such assessment.");
        }
    }

    private static boolean sameOrder(OrderRequest r, OrderView stored) {
        return r.instrument().value().equals(stored.instrument()) && r.side().name().equals(stored.side())
                && r.type().name().equals(stored.type()) && equal(r.qty(), stored.qty())
                && equal(r.limitPrice(), stored.limitPrice()) && equal(r.stopPrice(), stored.stopPrice())
                && r.tif().name().equals(stored.tif()) && r.reduceOnly() == stored.reduceOnly();
    }

    private static boolean equal(BigDecimal a, String b) {
        return a == null ? b == null : b != null && a.compareTo(new BigDecimal(b)) == 0;
    }
}
