package com.vaticprop.core.tier;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The tier catalogue: public reads of active tiers, ADMIN-only writes. {@code /tiers} and {@code /tiers/*} are public
 * paths for every method (see {@link TierConfiguration}), so each write checks the role here: no token → 401, a token
 * without ADMIN → 403.
 */
@RestController
@Tag(name = "tiers", description = "The challenge catalogue: price, currency and rule set of each tier")
class TierController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "TierActiveRequest")
    record ActiveRequest(Boolean active) {
    }

    private final TierService tiers;

    TierController(TierService tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/tiers")
    @Operation(summary = "Public: the active tiers, cheapest first; includeInactive=true (ADMIN) lists all")
    List<TierResponse> list(@AuthenticationPrincipal Jwt jwt,
                            @Parameter(description = "ADMIN only") @RequestParam(defaultValue = "false")
                            boolean includeInactive) {
        if (includeInactive) {
            requireAdmin(jwt);
        }
        return tiers.list(includeInactive).stream().map(TierResponse::of).toList();
    }

    @GetMapping("/tiers/{id}")
    @Operation(summary = "Public: one active tier (its current version); inactive tiers are 404 except for ADMIN")
    TierResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Tier tier = tiers.find(id).filter(t -> t.active() || isAdmin(jwt)).orElseThrow(TierService::notFound);
        return TierResponse.of(tier);
    }

    @GetMapping("/tiers/{id}/versions")
    @Operation(summary = "ADMIN: every version of a tier, oldest first")
    List<TierResponse.Version> versions(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        requireAdmin(jwt);
        return tiers.versions(id).stream().map(v -> TierResponse.Version.of(v, true)).toList();
    }

    @GetMapping("/tiers/{id}/versions/{version}")
    @Operation(summary = "Public: one version of a tier — the terms a purchase or assessment pinned")
    TierResponse.Version version(@PathVariable UUID id, @PathVariable int version) {
        return tiers.version(id, version).map(v -> TierResponse.Version.of(v, false))
                .orElseThrow(TierService::notFound);
    }

    @PostMapping("/tiers")
    @Operation(summary = "ADMIN: create a tier (version 1, active); 400 field errors, 409 name taken")
    ResponseEntity<TierResponse> create(@AuthenticationPrincipal Jwt jwt, @RequestBody TierRequest request) {
        UUID actor = requireAdmin(jwt);
        Tier tier = tiers.create(request, actor);
        return ResponseEntity.created(URI.create("/tiers/" + tier.id())).body(TierResponse.of(tier));
    }

    @PutMapping("/tiers/{id}")
    @Operation(summary = "ADMIN: edit a tier — writes a new version; older versions stay readable")
    TierResponse update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestBody TierRequest request) {
        UUID actor = requireAdmin(jwt);
        return TierResponse.of(tiers.update(id, request, actor));
    }

    @PatchMapping("/tiers/{id}")
    @Operation(summary = "ADMIN: {\"active\": false} withdraws a tier from sale, true offers it again (409 name taken)")
    TierResponse patch(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestBody ActiveRequest request) {
        UUID actor = requireAdmin(jwt);
        if (request.active() == null) {
            throw new FieldErrorsException(List.of(new FieldError("active", "is required")));
        }
        return TierResponse.of(tiers.setActive(id, request.active(), actor));
    }

    @PostMapping("/tiers/{id}/deactivate")
    @Operation(summary = "ADMIN: withdraw a tier from sale (it leaves the public list; pinned versions stay)")
    TierResponse deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID actor = requireAdmin(jwt);
        return TierResponse.of(tiers.setActive(id, false, actor));
    }

    @PostMapping("/tiers/{id}/activate")
    @Operation(summary = "ADMIN: offer a withdrawn tier again; 409 if an active tier has its name")
    TierResponse activate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID actor = requireAdmin(jwt);
        return TierResponse.of(tiers.setActive(id, true, actor));
    }

    /** The admin's user id; 401 without a token (these paths are public), 403 for any other role. */
    static UUID requireAdmin(Jwt jwt) {
        if (jwt == null) {
            throw new AuthenticationCredentialsNotFoundException("A valid access token is required.");
        }
        if (!isAdmin(jwt)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
    }

    private static boolean isAdmin(Jwt jwt) {
        List<String> roles = jwt == null ? null : jwt.getClaimAsStringList("roles");
        return roles != null && roles.contains(Role.ADMIN.name());
    }
}
