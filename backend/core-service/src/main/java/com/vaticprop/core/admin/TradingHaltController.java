package com.vaticprop.core.admin;

import com.vaticprop.core.events.DirectPublisher;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kill switch: an admin halts or reopens trading in one instrument for every assessment. It is published as a
 * {@code market-data.market-status} change, so every replica's quote table and every engine (MARKET_OPEN pre-trade
 * check) apply it exactly like a venue halt; the action is audited on {@code admin.audit}. A later status from the
 * venue (market-data) supersedes it.
 */
@RestController
@Tag(name = "admin", description = "Operator actions")
class TradingHaltController {

    record HaltRequest(String reason) {
    }

    private final DirectPublisher publisher;
    private final AdminAuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    TradingHaltController(DirectPublisher publisher, AdminAuditLog audit, Transactions transactions, Clock clock) {
        this.publisher = publisher;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/admin/instruments/{instrument}/halt")
    @Operation(summary = "ADMIN: halt trading in an instrument (orders on it are rejected: MARKET_OPEN)")
    Map<String, String> halt(@AuthenticationPrincipal Jwt jwt, @PathVariable String instrument,
                             @RequestBody HaltRequest request) {
        return change(jwt, instrument, request, MarketStatusChanged.Status.HALTED, "instrument.halt");
    }

    @PostMapping("/admin/instruments/{instrument}/resume")
    @Operation(summary = "ADMIN: reopen trading in a halted instrument")
    Map<String, String> resume(@AuthenticationPrincipal Jwt jwt, @PathVariable String instrument,
                               @RequestBody HaltRequest request) {
        return change(jwt, instrument, request, MarketStatusChanged.Status.OPEN, "instrument.resume");
    }

    private Map<String, String> change(Jwt jwt, String raw, HaltRequest request, MarketStatusChanged.Status status,
                                       String action) {
        Caller admin = Caller.admin(jwt);
        InstrumentId instrument = InstrumentId.parse(raw).orElseThrow(() -> new FieldErrorsException(List.of(
                new FieldError("instrument", "must be an instrument id such as BTC-USD"))));
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new FieldErrorsException(List.of(new FieldError("reason", "is required")));
        }
        Instant at = clock.instant();
        try {
            publisher.send(Topic.MARKET_STATUS.topicName(), instrument.value(), EventEnvelope.of(
                    EventType.MARKET_STATUS, at, new MarketStatusChanged(instrument.value(), status, at)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
                    "The change could not be published; nothing changed. Try again.").withHeader("Retry-After", "5");
        }
        transactions.run(() -> audit.record(admin.userId(), action, instrument.value(), null,
                Map.of("status", status.name()), request.reason().strip()));
        return Map.of("instrument", instrument.value(), "status", status.name(), "at", at.toString());
    }
}
