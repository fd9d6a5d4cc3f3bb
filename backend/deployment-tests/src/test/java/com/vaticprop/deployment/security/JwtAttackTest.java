package com.vaticprop.deployment.security;

import com.vaticprop.deployment.SharedServices;
import com.vaticprop.platform.config.ServiceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT attack set against every running service, each on an endpoint that the genuine token of the same caller
 * opens (200), so a refusal can only come from the one thing wrong with the token. The tokens claim ADMIN — the
 * escalation an attacker would want. platform's WebAndSecurityTest proves the verifier in isolation; this proves
 * that each of the five jars is wired to it (and websocket-service's own ticket/auth-frame path as well).
 */
class JwtAttackTest {

    /** Per service, an ADMIN-only or authenticated endpoint that a genuine admin token opens. */
    private static final Map<ServiceKind, String> PROTECTED = new EnumMap<>(Map.of(
            ServiceKind.CORE, "/admin/assessments?limit=1",
            ServiceKind.MARKET_DATA, "/admin/feeds",
            ServiceKind.MONTE_CARLO, "/simulations?limit=1",
            ServiceKind.REPORT, "/analytics/operator"));

    private static LiveApi api;
    private static ForgedTokens forged;
    private static UUID adminId;

    @BeforeAll
    static void services() {
        Sessions sessions = Sessions.get();
        api = sessions.api();
        forged = new ForgedTokens(SharedServices.signingKey());
        adminId = UUID.fromString(LiveApi.ok(api.call(ServiceKind.CORE, "GET", "/me", sessions.token(Actor.ADMIN),
                null)).path("id").asString());
    }

    @Test
    void aGenuineTokenOpensEachEndpointSoTheAttacksBelowFailOnlyForTheirFlaw() throws Exception {
        String token = forged.valid(adminId, "ADMIN");
        for (var e : PROTECTED.entrySet()) {
            HttpResponse<String> r = api.call(e.getKey(), "GET", e.getValue(), token, null);
            assertThat(r.statusCode()).as(e.getKey() + " " + e.getValue() + ": " + r.body()).isEqualTo(200);
        }
        try (StreamClient ws = StreamClient.open(api.url(ServiceKind.WEBSOCKET), null)
                .send("{\"op\":\"auth\",\"token\":\"" + token + "\"}")) {
            ws.send("{\"op\":\"ping\"}");
            assertThat(ws.next("pong").path("op").asString()).isEqualTo("pong");
        }
    }

    @Test
    void everyAttackIs401ProblemJsonOnEveryHttpService() {
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (var attack : forged.attacks(adminId, "ADMIN").entrySet()) {
            for (var e : PROTECTED.entrySet()) {
                HttpResponse<String> r = api.call(e.getKey(), "GET", e.getValue(), attack.getValue(), null);
                checked++;
                if (r.statusCode() != 401 || !r.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    accepted.add(attack.getKey() + " on " + e.getKey().serviceName() + e.getValue() + " → "
                            + r.statusCode() + " " + r.body());
                }
            }
        }
        assertThat(checked).isEqualTo(forged.attacks(adminId, "ADMIN").size() * PROTECTED.size());
        assertThat(accepted).as("attacks not answered 401 problem+json").isEmpty();
    }

    @Test
    void everyAttackInAWebSocketAuthFrameOrAsATicketClosesTheSocketWith4001() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (var attack : forged.attacks(adminId, "ADMIN").entrySet()) {
            try (StreamClient frame = StreamClient.open(api.url(ServiceKind.WEBSOCKET), null)
                    .send("{\"op\":\"auth\",\"token\":\"" + attack.getValue() + "\"}")) {
                int code = frame.closeCode();
                if (code != 4001) {
                    accepted.add(attack.getKey() + " (auth frame) → close " + code);
                }
            }
            try (StreamClient ticket = StreamClient.open(api.url(ServiceKind.WEBSOCKET),
                    "ticket=" + java.net.URLEncoder.encode(attack.getValue(), java.nio.charset.StandardCharsets.UTF_8))) {
                int code = ticket.closeCode();
                if (code != 4001) {
                    accepted.add(attack.getKey() + " (ticket) → close " + code);
                }
            }
        }
        assertThat(accepted).as("attacks the WebSocket did not close with 4001").isEmpty();
    }
}
