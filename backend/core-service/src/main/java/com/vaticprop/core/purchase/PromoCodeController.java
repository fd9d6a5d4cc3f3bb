package com.vaticprop.core.purchase;

import com.vaticprop.core.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Promotion codes for admins: create, list with their uses, withdraw and re-offer. Every change is audited. */
@RestController
@Tag(name = "admin", description = "Operator actions")
class PromoCodeController {

    record ReasonRequest(String reason) {
    }

    private final PromoCodeService promos;

    PromoCodeController(PromoCodeService promos) {
        this.promos = promos;
    }

    @PostMapping("/admin/promo-codes")
    @Operation(summary = "ADMIN: create a promotion code (PERCENT or AMOUNT off; validity window; usage caps); in "
            + "Stripe mode also a Stripe coupon + promotion code")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt jwt,
                                               @RequestBody(required = false) PromoCodeService.CreateRequest request) {
        Caller admin = Caller.admin(jwt);
        PromoCode created = promos.create(admin.userId(), request);
        return ResponseEntity.created(URI.create("/admin/promo-codes/" + created.id()))
                .body(PromoCodeService.view(created, 0));
    }

    @GetMapping("/admin/promo-codes")
    @Operation(summary = "ADMIN: every promotion code, newest first, with its current uses")
    List<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt) {
        Caller.admin(jwt);
        return promos.list();
    }

    @PostMapping("/admin/promo-codes/{id}/deactivate")
    @Operation(summary = "ADMIN: withdraw a code (purchases already made keep their discount)")
    Map<String, Object> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                   @RequestBody(required = false) ReasonRequest request) {
        return promos.setActive(Caller.admin(jwt).userId(), id, false, request == null ? null : request.reason());
    }

    @PostMapping("/admin/promo-codes/{id}/activate")
    @Operation(summary = "ADMIN: offer a withdrawn code again")
    Map<String, Object> activate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                 @RequestBody(required = false) ReasonRequest request) {
        return promos.setActive(Caller.admin(jwt).userId(), id, true, request == null ? null : request.reason());
    }
}
