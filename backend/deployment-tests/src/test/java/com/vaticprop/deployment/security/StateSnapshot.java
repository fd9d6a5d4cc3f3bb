package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rejected request must not change, read through the API: the fuzzed trader's account, purchases,
 * assessments (status and balance), orders (status), positions, trades and simulations, and the admin-owned state
 * (tiers with their versions, promotion codes, the newest admin-audit entry — every admin action is audited).
 * Values that move on their own (equity with the market, timestamps) are left out.
 */
record StateSnapshot(Map<String, String> values) {

    static StateSnapshot take(LiveApi api, Sessions.Trader trader, TraderResources resources, String adminToken) {
        Map<String, String> v = new LinkedHashMap<>();
        String t = trader.token();
        JsonNode me = LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/me", t, null));
        v.put("me", me.path("email").asString() + " " + me.path("role").asString() + " "
                + me.path("displayName").asString());
        v.put("purchases", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/purchases?limit=200", t, null)),
                "id", "status", "assessmentId"));
        v.put("assessments", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/assessments?limit=200", t, null))
                .path("items"), "id", "status", "phase"));
        JsonNode assessment = LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/assessments/" + resources.assessmentId(),
                t, null));
        v.put("assessment", assessment.path("status").asString() + " balance="
                + assessment.path("account").path("balance").asString());
        String base = "/assessments/" + resources.assessmentId();
        v.put("orders", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", base + "/orders?limit=500", t, null)),
                "id", "status", "qty", "limitPrice"));
        v.put("positions", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", base + "/positions?limit=500", t,
                null)), "positionId", "status", "qty"));
        v.put("trades", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", base + "/trades?limit=500", t, null)),
                "tradeId", "qty", "price"));
        v.put("simulations", fields(LiveApi.ok(api.call(ServiceKind.MONTE_CARLO, "GET", "/simulations?limit=100", t,
                null)).path("items"), "id", "status"));
        v.put("tiers", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/tiers?includeInactive=true",
                adminToken, null)), "id", "version", "active", "price"));
        v.put("promo-codes", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/admin/promo-codes", adminToken,
                null)), "id", "active"));
        v.put("newest admin audit entry", fields(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/admin/audit?limit=1",
                adminToken, null)).path("items"), "seq", "action", "subject"));
        return new StateSnapshot(v);
    }

    private static String fields(JsonNode array, String... names) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : array) {
            StringBuilder row = new StringBuilder();
            for (String n : names) {
                row.append(n).append('=').append(item.path(n).asString(item.path(n).toString())).append(' ');
            }
            rows.add(row.toString().strip());
        }
        return rows.size() + " " + rows;
    }
}
