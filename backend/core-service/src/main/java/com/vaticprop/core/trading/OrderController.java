package com.vaticprop.core.trading;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Trading on one of your assessments: orders, and the positions, fills, rule checks and violations they produce. */
@RestController
@Tag(name = "trading", description = "Orders, positions, trades, rule checks and violations of an assessment")
class OrderController {

    private final OrderService orders;
    private final TradingQueries queries;

    OrderController(OrderService orders, TradingQueries queries) {
        this.orders = orders;
        this.queries = queries;
    }

    @PostMapping("/assessments/{id}/orders")
    @Operation(summary = "Place an order (Idempotency-Key required): 201 with the order (FILLED, OPEN, …); 422 "
            + "order-rejected names the pre-trade check and why; 409 if the assessment is not ACTIVE or the key was "
            + "used for another order; 429 over the order rate")
    ResponseEntity<OrderView> place(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                    @RequestBody OrderCommand command) {
        OrderView order = orders.place(id, Caller.of(jwt), command, key);
        if ("REJECTED".equals(order.status())) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "order-rejected",
                    "The order was rejected by the " + order.rejectCheck() + " check: " + order.rejectReason())
                    .with("check", order.rejectCheck()).with("reason", order.rejectReason())
                    .with("orderId", order.id());
        }
        return ResponseEntity.created(URI.create("/assessments/" + id + "/orders/" + order.id())).body(order);
    }

    @DeleteMapping("/assessments/{id}/orders/{orderId}")
    @Operation(summary = "Cancel an open order; 409 if it is already filled, cancelled or rejected")
    OrderView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @PathVariable UUID orderId) {
        return orders.cancel(id, orderId, Caller.of(jwt));
    }

    @GetMapping("/assessments/{id}/orders")
    @Operation(summary = "Orders, newest first; filter by status")
    List<OrderView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                         @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.orders(id, filter("status", status), limit(limit));
    }

    @GetMapping("/assessments/{id}/orders/{orderId}")
    @Operation(summary = "One order")
    OrderView order(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @PathVariable UUID orderId) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.order(id, orderId).orElseThrow(() ->
                new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such order."));
    }

    @GetMapping("/assessments/{id}/positions")
    @Operation(summary = "Positions (round trips), newest first; status=OPEN or CLOSED")
    List<Map<String, Object>> positions(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "100") int limit) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.positions(id, filter("status", status), limit(limit));
    }

    @GetMapping("/assessments/{id}/trades")
    @Operation(summary = "Fills, newest first, each with the quote it was priced on")
    List<Map<String, Object>> trades(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                     @RequestParam(defaultValue = "100") int limit) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.trades(id, limit(limit));
    }

    @GetMapping("/assessments/{id}/rule-checks")
    @Operation(summary = "Stored rule checks (fills, day rolls, breaches), newest first; filter by rule")
    List<Map<String, Object>> ruleChecks(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                         @RequestParam(required = false) String rule,
                                         @RequestParam(defaultValue = "100") int limit) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.ruleChecks(id, filter("rule", rule), limit(limit));
    }

    @GetMapping("/assessments/{id}/violations")
    @Operation(summary = "Breaches with the rule engine's explanation and the quote that caused them")
    List<Map<String, Object>> violations(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        orders.requireOwner(id, Caller.of(jwt));
        return queries.violations(id);
    }

    /**
     * A status or rule filter: an upper-case name or nothing. Anything else is a 400 here — a NUL byte reached
     * PostgreSQL ("invalid byte sequence") and came back as a 500 (found by deployment-tests' HTTP fuzzer).
     */
    private static String filter(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z_]{1,40}")) {
            throw new FieldErrorsException(List.of(new FieldError(field, "must be a name such as OPEN")));
        }
        return value;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new FieldErrorsException(List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        return limit;
    }
}
