package com.vaticprop.core.purchase;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trader's purchases. Each one is visible to its owner (and admins) only; to anyone else it does not exist. */
@RestController
@Tag(name = "purchases", description = "Buying a tier: Stripe Checkout, or the development payment path")
class PurchaseController {

    /** A tier ({@code tierId}) or a reset of a failed assessment ({@code resetOf}); optionally a promotion code. */
    record BuyRequest(String tierId, String resetOf, String promoCode) {
    }

    private final PurchaseService purchases;

    PurchaseController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/purchases")
    @Operation(summary = "Buy a tier's current version: 201 PENDING with checkoutUrl (Stripe) or COMPLETED with "
            + "assessmentId (development path); 404 unknown tier, 409 tier withdrawn, 502 Stripe unavailable")
    ResponseEntity<PurchaseResponse> buy(@AuthenticationPrincipal Jwt jwt, @RequestBody BuyRequest request) {
        UUID user = trader(jwt);
        String promo = request == null || request.promoCode() == null || request.promoCode().isBlank() ? null
                : request.promoCode();
        if (request != null && request.resetOf() != null) {
            if (request.tierId() != null) {
                throw new FieldErrorsException(List.of(new FieldError("tierId", "must be absent with resetOf")));
            }
            PurchaseService.Started started = purchases.buyReset(user, parseId("resetOf", request.resetOf(),
                    "must be an assessment id (UUID)"), promo);
            return ResponseEntity.status(started.existing() ? HttpStatus.OK : HttpStatus.CREATED)
                    .location(URI.create("/purchases/" + started.purchase().id()))
                    .body(PurchaseResponse.of(started.purchase()));
        }
        UUID tierId = parseTierId(request == null ? null : request.tierId());
        Purchase purchase = purchases.buy(user, tierId, promo);
        return ResponseEntity.created(URI.create("/purchases/" + purchase.id())).body(PurchaseResponse.of(purchase));
    }

    @GetMapping("/purchases")
    @Operation(summary = "Your purchases, newest first; page with before=<createdAt of the last one>")
    List<PurchaseResponse> list(@AuthenticationPrincipal Jwt jwt,
                                @Parameter(description = "ISO-8601 instant; returns purchases created before it")
                                @RequestParam(required = false) Instant before,
                                @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new FieldErrorsException(List.of(new FieldError("limit", "must be between 1 and 200")));
        }
        return purchases.list(trader(jwt), before, limit).stream().map(PurchaseResponse::of).toList();
    }

    @GetMapping("/purchases/{id}")
    @Operation(summary = "One of your purchases; 404 if it is not yours")
    PurchaseResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return purchases.find(id, trader(jwt), hasRole(jwt, Role.ADMIN)).map(PurchaseResponse::of)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such purchase."));
    }

    /** The caller's user id; service clients (SERVICE tokens) have no purchases. */
    private static UUID trader(Jwt jwt) {
        if (hasRole(jwt, Role.TRADER) || hasRole(jwt, Role.ADMIN)) {
            try {
                return UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException e) {
                // falls through to 403
            }
        }
        throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Only traders buy tiers.");
    }

    private static boolean hasRole(Jwt jwt, Role role) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles != null && roles.contains(role.name());
    }

    private static UUID parseId(String field, String raw, String message) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldErrorsException(List.of(new FieldError(field, message)));
        }
    }

    private static UUID parseTierId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new FieldErrorsException(List.of(new FieldError("tierId", "is required")));
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldErrorsException(List.of(new FieldError("tierId", "must be a tier id (UUID)")));
        }
    }
}
