package com.vaticprop.deployment.security;

import com.vaticprop.deployment.SharedServices;
import com.vaticprop.deployment.security.AccessExpectations.Column;
import com.vaticprop.platform.config.ServiceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the five services publish in their OpenAPI documents, called by every kind of caller on real
 * resources of two traders, against the expected statuses of {@code security/access-matrix.txt}. The operations
 * come from the live documents, so a new endpoint without a row fails the first test instead of going untested.
 *
 * <p>Cells, per operation, in this order (the state-changing ones act last, on resources nobody else reads):
 * anonymous, service token, trader B on A's resources and A on B's (FOREIGN), the admin on a second set of A's
 * resources (ADMIN), then A and B each on their own (OWN). Both traders' FOREIGN and OWN cells must agree with the
 * one expected status, so the answer cannot depend on which trader asks. Every 4xx must be problem+json.
 * The observed table is written to {@code target/access-matrix.observed.txt} in the file's format.
 */
class AccessControlMatrixTest {

    private static final String TABLE = "/security/access-matrix.txt";
    /** A violation id no assessment has (none of the fixtures breached a rule). */
    private static final UUID NO_VIOLATION = UUID.fromString("00000000-0000-4000-8000-00000000dead");

    private static LiveApi api;
    private static Sessions sessions;
    private static TraderResources a;
    private static TraderResources aForAdmin;
    private static TraderResources b;
    private static AdminResources admin;
    private static List<ApiOperation> operations;
    private static AccessExpectations expected;

    @BeforeAll
    static void createResources() {
        sessions = Sessions.get();
        api = sessions.api();
        Sessions.Trader traderA = sessions.newTrader("matrix-a");
        Sessions.Trader traderB = sessions.newTrader("matrix-b");
        a = TraderResources.create(api, traderA);
        aForAdmin = TraderResources.create(api, traderA);
        b = TraderResources.create(api, traderB);
        admin = AdminResources.create(api, sessions);
        operations = PublishedApis.all(api);
        expected = AccessExpectations.load(TABLE);
    }

    @Test
    void everyPublishedOperationHasARowAndEveryRowAPublishedOperation() {
        Set<String> published = operations.stream().map(o -> o.service().serviceName() + " " + o.key())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = expected.rows().stream().map(r -> r.service() + " " + r.key())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(published).as("operations found in the /openapi documents").hasSizeGreaterThan(60);
        Set<String> unlisted = new TreeSet<>(published);
        unlisted.removeAll(listed);
        assertThat(unlisted).as("published operations without a row in " + TABLE).isEmpty();
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(published);
        assertThat(stale).as("rows of " + TABLE + " no service publishes").isEmpty();
    }

    @Test
    void everyCallerGetsTheTablesStatusOnEveryOperation() throws Exception {
        List<ApiOperation> ordered = new ArrayList<>(operations);
        ordered.sort(Comparator.comparingInt(o -> expected.order(o.service().serviceName(), o.key())));
        List<String> mismatches = new ArrayList<>();
        List<String> observedRows = new ArrayList<>();
        int calls = 0;
        for (ApiOperation op : ordered) {
            Map<Column, Integer> observed = new EnumMap<>(Column.class);
            AccessExpectations.Row row = expected.row(op.service().serviceName(), op.key());
            for (Cell cell : cells()) {
                HttpResponse<String> r = api.send(op.service(), op.method(), path(op, cell), cell.token(),
                        contentType(op), body(op, cell), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                calls++;
                String where = op.service().serviceName() + " " + op.key() + " as " + cell.label();
                Integer previous = observed.putIfAbsent(cell.column(), r.statusCode());
                if (previous != null && previous != r.statusCode()) {
                    mismatches.add(where + ": " + r.statusCode() + " but the other trader got " + previous);
                }
                if (row != null && row.statuses().get(cell.column()) != r.statusCode()) {
                    mismatches.add(where + ": expected " + row.statuses().get(cell.column()) + ", got "
                            + r.statusCode() + " " + abbreviate(r.body()));
                }
                if (r.statusCode() >= 400 && r.statusCode() < 500 && !r.headers().firstValue("Content-Type")
                        .orElse("").startsWith("application/problem+json")) {
                    mismatches.add(where + ": " + r.statusCode() + " is not problem+json: "
                            + r.headers().firstValue("Content-Type").orElse("(no Content-Type)"));
                }
                if (r.statusCode() >= 500) {
                    mismatches.add(where + ": " + r.statusCode() + " " + abbreviate(r.body()));
                }
            }
            observedRows.add(AccessExpectations.format(op.service().serviceName(), op.key(), observed));
        }
        Path out = Path.of("target", "access-matrix.observed.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", observedRows) + "\n", StandardCharsets.UTF_8);
        System.out.println("access-control matrix: " + ordered.size() + " operations, " + calls + " calls, "
                + mismatches.size() + " mismatches; observed table in " + out.toAbsolutePath());
        assertThat(mismatches).as("cells that differ from " + TABLE).isEmpty();
    }

    // ---- WebSocket: the assessment channel is checked on every subscribe (websocket-service README)

    @Test
    void aTraderSubscribesToTheirOwnAssessmentChannelAndIsRefusedAnotherTradersWith4003() throws Exception {
        String ws = api.url(ServiceKind.WEBSOCKET);
        // with a ticket (browsers) and with an auth frame (other clients): the same ownership rule
        String ticket = LiveApi.ok(api.call(ServiceKind.CORE, "POST", "/auth/ws-ticket", a.owner().token(), null))
                .path("ticket").asString();
        try (StreamClient byTicket = StreamClient.open(ws, "ticket=" + ticket + "&assessment_id=" + a.assessmentId());
             StreamClient byFrame = StreamClient.open(ws, null)
                     .send("{\"op\":\"auth\",\"token\":\"" + a.owner().token() + "\"}")) {
            for (StreamClient client : List.of(byTicket, byFrame)) {
                assertSubscribed(client, a.assessmentId());
                assertRefused(client, b.assessmentId());
                // the refusal is an error frame, not a close: the own channel still answers
                client.send("{\"op\":\"ping\"}");
                assertThat(client.next("pong", "error").path("op").asString()).isEqualTo("pong");
            }
        }
        try (StreamClient traderB = StreamClient.open(ws, null)
                .send("{\"op\":\"auth\",\"token\":\"" + b.owner().token() + "\"}")) {
            assertRefused(traderB, a.assessmentId());
            assertRefused(traderB, UUID.randomUUID()); // unknown: the same answer, existence is not revealed
            assertSubscribed(traderB, b.assessmentId());
        }
    }

    @Test
    void theAdminMaySubscribeToAnyAssessmentAndAServiceTokenToNone() throws Exception {
        String ws = api.url(ServiceKind.WEBSOCKET);
        try (StreamClient admin = StreamClient.open(ws, null)
                .send("{\"op\":\"auth\",\"token\":\"" + sessions.token(Actor.ADMIN) + "\"}")) {
            assertSubscribed(admin, a.assessmentId());
            assertSubscribed(admin, b.assessmentId());
        }
        try (StreamClient service = StreamClient.open(ws, null)
                .send("{\"op\":\"auth\",\"token\":\"" + sessions.token(Actor.SERVICE) + "\"}")) {
            assertRefused(service, a.assessmentId());
        }
    }

    @Test
    void withoutATicketOrAuthFrameASubscribeClosesTheSocketWith4001() throws Exception {
        try (StreamClient anonymous = StreamClient.open(api.url(ServiceKind.WEBSOCKET), null)) {
            anonymous.send("{\"op\":\"subscribe\",\"channel\":\"assessment:" + a.assessmentId() + "\"}");
            assertThat(anonymous.closeCode()).isEqualTo(4001);
        }
        // an access token is not a ticket (tickets are typ=ws-ticket and single-use)
        try (StreamClient tokenAsTicket = StreamClient.open(api.url(ServiceKind.WEBSOCKET),
                "ticket=" + a.owner().token())) {
            assertThat(tokenAsTicket.closeCode()).isEqualTo(4001);
        }
    }

    private static void assertSubscribed(StreamClient client, UUID assessment) throws InterruptedException {
        client.send("{\"op\":\"subscribe\",\"channel\":\"assessment:" + assessment + "\"}");
        var answer = client.next("subscribed", "error");
        assertThat(answer.path("op").asString()).as(answer.toString()).isEqualTo("subscribed");
        assertThat(answer.path("channel").asString()).isEqualTo("assessment:" + assessment);
    }

    private static void assertRefused(StreamClient client, UUID assessment) throws InterruptedException {
        client.send("{\"op\":\"subscribe\",\"channel\":\"assessment:" + assessment + "\"}");
        var answer = client.next("subscribed", "error");
        assertThat(answer.path("op").asString()).as(answer.toString()).isEqualTo("error");
        assertThat(answer.path("code").asInt()).isEqualTo(4003);
        assertThat(answer.path("message").asString()).contains("assessment:" + assessment);
    }

    /** One caller on one target: who, on whose resources, and which column of the table it checks. */
    record Cell(Column column, String label, String token, TraderResources target) {
    }

    private static List<Cell> cells() {
        return List.of(
                new Cell(Column.ANONYMOUS, "anonymous", null, a),
                new Cell(Column.SERVICE, "service", sessions.token(Actor.SERVICE), a),
                new Cell(Column.FOREIGN, "trader B on A's", b.owner().token(), a),
                new Cell(Column.FOREIGN, "trader A on B's", a.owner().token(), b),
                new Cell(Column.ADMIN, "admin", sessions.token(Actor.ADMIN), aForAdmin),
                new Cell(Column.OWN, "trader A on A's", a.owner().token(), a),
                new Cell(Column.OWN, "trader B on B's", b.owner().token(), b));
    }

    /** The operation's path with its parameters filled from the cell's target (and the admin's resources). */
    private static String path(ApiOperation op, Cell cell) {
        TraderResources t = cell.target();
        String path = op.path();
        for (String name : op.pathParameterNames()) {
            String value = switch (name) {
                case "orderId" -> t.openOrderId().toString();
                case "violationId" -> NO_VIOLATION.toString();
                case "version" -> "1";
                case "instrument" -> op.service() == ServiceKind.CORE ? "SOL-USD" : "BTC-USD";
                case "chart" -> "equity";
                case "format" -> "svg";
                case "id" -> idFor(op, cell);
                default -> throw new AssertionError("no value for {" + name + "} of " + op.key()
                        + ": teach AccessControlMatrixTest.path what it names");
            };
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private static String idFor(ApiOperation op, Cell cell) {
        TraderResources t = cell.target();
        String p = op.path();
        if (p.startsWith("/assessments/") || p.startsWith("/admin/assessments/") || p.startsWith("/reports/")) {
            return t.assessmentId().toString();
        } else if (p.startsWith("/purchases/")) {
            return t.purchaseId().toString();
        } else if (p.startsWith("/simulations/")) {
            return t.simulationId().toString();
        } else if (p.startsWith("/tiers/")) {
            return admin.tierId().toString();
        } else if (p.startsWith("/admin/promo-codes/")) {
            return admin.promoCodeId().toString();
        } else if (p.startsWith("/admin/fairness/reports/")) {
            return admin.fairnessReportId().toString();
        } else if (p.startsWith("/admin/users/")) {
            // the admin's cell deletes (or resets) a throwaway account; everyone else names the trader
            return (cell.column() == Column.ADMIN ? admin.disposableUserId() : t.owner().id()).toString();
        }
        throw new AssertionError("no value for {id} of " + op.key() + ": teach AccessControlMatrixTest.idFor");
    }

    /**
     * Bodies that would succeed for a caller who is allowed (so OWN and ADMIN show what an allowed caller gets);
     * any other operation with a body gets {@code {}}.
     */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("POST /assessments/{id}/orders", TraderResources.RESTING_ORDER);
        BODIES.put("POST /purchases", "{\"tierId\":\"" + TraderResources.TIER + "\"}");
        BODIES.put("POST /admin/assessments/{id}/fail", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("POST /admin/assessments/{id}/extend", "{\"days\":1,\"reason\":\"access-control matrix\"}");
        BODIES.put("POST /admin/instruments/{instrument}/halt", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("POST /admin/instruments/{instrument}/resume", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("DELETE /admin/users/{id}", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("POST /admin/users/{id}/totp/reset", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("DELETE /me", "{\"password\":\"" + Sessions.PASSWORD + "\"}");
        BODIES.put("PATCH /tiers/{id}", "{\"active\":true}");
        BODIES.put("POST /admin/promo-codes/{id}/deactivate", "{\"reason\":\"access-control matrix\"}");
        BODIES.put("POST /admin/promo-codes/{id}/activate", "{\"reason\":\"access-control matrix\"}");
    }

    private static String contentType(ApiOperation op) {
        return op.bodyContentType() == null ? null
                : op.bodyContentType().contains("json") || op.bodyContentType().equals("*/*") ? "application/json"
                : op.bodyContentType();
    }

    private static byte[] body(ApiOperation op, Cell cell) {
        if (op.bodyContentType() == null) {
            return null;
        }
        String body = BODIES.get(op.key());
        if (body == null) {
            body = op.bodyContentType().contains("form") ? "" : "{}";
        }
        if (op.key().equals("POST /simulations")) {
            body = "{\"assessmentId\":\"" + cell.target().assessmentId() + "\"}";
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
