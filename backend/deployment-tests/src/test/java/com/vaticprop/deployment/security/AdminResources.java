package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the admin-only paths act on, made by the admin for the matrix: a tier of its own (the matrix withdraws and
 * edits it, never a seeded one), a promotion code, a fairness report, and a throwaway trader for the account
 * deletion and TOTP-reset cells.
 */
record AdminResources(UUID tierId, UUID promoCodeId, UUID fairnessReportId, UUID disposableUserId) {

    static AdminResources create(LiveApi api, Sessions sessions) {
        String admin = sessions.token(Actor.ADMIN);
        JsonNode seeded = LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/tiers/" + TraderResources.TIER, null, null));
        String run = Long.toString(System.nanoTime(), 36);
        JsonNode tier = LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/tiers", admin,
                "{\"name\":\"Matrix " + run + "\",\"price\":\"10.00\",\"currency\":\""
                        + seeded.path("currency").asString() + "\",\"ruleSet\":" + seeded.path("ruleSet") + "}"));
        JsonNode promo = LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/admin/promo-codes", admin,
                "{\"code\":\"MATRIX" + run.toUpperCase(java.util.Locale.ROOT) + "\",\"kind\":\"PERCENT\","
                        + "\"percentOff\":\"10\"}"));
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode report = LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/admin/fairness/reports", admin,
                "{\"from\":\"" + to.minus(1, ChronoUnit.DAYS) + "\",\"to\":\"" + to + "\"}"));
        UUID disposable = sessions.newTrader("matrix-disposable").id();
        return new AdminResources(UUID.fromString(tier.path("id").asString()),
                UUID.fromString(promo.path("id").asString()), UUID.fromString(report.path("id").asString()),
                disposable);
    }
}
