package com.vaticprop.montecarlo;

import com.vaticprop.montecarlo.support.AssessmentEvents;
import com.vaticprop.montecarlo.support.Fixtures;
import com.vaticprop.montecarlo.support.Http;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.platform.events.data.SimulationProgress;
import com.vaticprop.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.vaticprop.montecarlo.support.Http.expect;
import static com.vaticprop.montecarlo.support.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulations API end to end on real PostgreSQL and Kafka: results, events, access, limits, cancellation. */
class SimulationApiTest extends MonteCarloServiceTestBase {

    private static Map<String, Object> winning(Map<String, Object> extra) {
        return Fixtures.explicit(Map.of("days", Fixtures.winningDays()), Fixtures.twoStep(), extra);
    }

    @Test
    void anExplicitSampleRunsToSuccessWithAPlausibleResultAndItsEventsOnKafka() {
        HttpResponse<String> created = api.post("/simulations", winning(Map.of("method", "IID_DAYS",
                "paths", 20_000, "horizonDays", 30, "seed", 7, "threads", 2)), traderToken);
        JsonNode queued = expect(created, 202);
        String id = queued.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/simulations/" + id);
        assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.get("parameters").get("sampleSize").asInt()).isEqualTo(10);

        JsonNode done = awaitFinished(id, traderToken, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progressPct").asInt()).isEqualTo(100);
        JsonNode pass = done.get("result").get("passProbability");
        double estimate = pass.get("estimate").asDecimal().doubleValue();
        assertThat(pass.get("ciLow").asDecimal().doubleValue()).isLessThanOrEqualTo(estimate);
        assertThat(pass.get("ciHigh").asDecimal().doubleValue()).isGreaterThanOrEqualTo(estimate);
        // +560 a day on average against a 10,000 target within 30 days and a 10,000 loss allowance
        assertThat(estimate).isGreaterThan(0.6);
        assertThat(done.get("result").get("fanChart").get("days").size()).isEqualTo(30);
        assertThat(done.get("result").get("failureSplit").has("MAX_LOSS")).isTrue();
        assertThat(done.get("result").get("terminalPnl").get("var95").isString()).isTrue();

        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(bootstrap(), List.of(Topic.SIMULATION_COMPLETED.topicName(),
                Topic.SIMULATION_PROGRESS.topicName()), new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var mine = kafka.matching(r -> r.key().equals(id));
                var completed = mine.stream()
                        .filter(r -> r.topic().equals(Topic.SIMULATION_COMPLETED.topicName())).toList();
                assertThat(completed).hasSize(1);
                SimulationCompleted c = (SimulationCompleted) completed.getFirst().value().data();
                assertThat(c.status()).isEqualTo("SUCCEEDED");
                assertThat(c.summary().passProbability()).isEqualByComparingTo(pass.get("estimate").asString());
                assertThat(c.summary().ciLow()).isEqualByComparingTo(pass.get("ciLow").asString());
                assertThat(c.fanChart()).hasSize(30);
                assertThat(c.fanChart().get(29).p5()).isLessThanOrEqualTo(c.fanChart().get(29).p95());
                assertThat(mine).anyMatch(r -> r.value().data() instanceof SimulationProgress p
                        && p.simulationId().toString().equals(id));
            });
        }

        // the same seed gives the same answer; a losing round-trip sample fails nearly every path
        JsonNode again = awaitFinished(expect(api.post("/simulations", winning(Map.of("method", "IID_DAYS",
                "paths", 20_000, "horizonDays", 30, "seed", 7, "threads", 1)), traderToken), 202)
                .get("id").asString(), traderToken, Duration.ofSeconds(60));
        assertThat(again.get("result").get("passProbability")).isEqualTo(pass);
        JsonNode losing = awaitFinished(expect(api.post("/simulations", Fixtures.explicit(
                Map.of("roundTrips", Fixtures.roundTrips(20, -900, -700, 300)), Fixtures.twoStep(),
                Map.of("paths", 5_000, "horizonDays", 30, "seed", 3)), traderToken), 202).get("id").asString(),
                traderToken, Duration.ofSeconds(60));
        assertThat(losing.get("parameters").get("method").asString()).isEqualTo("IID_ROUND_TRIPS");
        assertThat(losing.get("result").get("passProbability").get("estimate").asDecimal().doubleValue())
                .isLessThan(0.01);
        JsonNode split = losing.get("result").get("failureSplit");
        assertThat(split.get("MAX_LOSS").asDecimal().add(split.get("DAILY_LOSS").asDecimal()).doubleValue())
                .isGreaterThan(0.9);
    }

    @Test
    void everyLimitIsAClearProblem() {
        assertThat(api.post("/simulations", winning(Map.of()), null).statusCode()).isEqualTo(401);
        fieldError(winning(Map.of("paths", 0)), "paths");
        fieldError(winning(Map.of("paths", 10_000_001)), "paths");
        fieldError(winning(Map.of("horizonDays", 0)), "horizonDays");
        fieldError(winning(Map.of("horizonDays", 366)), "horizonDays");
        fieldError(winning(Map.of("threads", 0)), "threads");
        fieldError(winning(Map.of("threads", 3)), "threads");
        fieldError(winning(Map.of("method", "MAGIC")), "method");
        fieldError(winning(Map.of("seed", "not-a-number")), "seed");
        fieldError(winning(Map.of("method", "IID_DAYS", "blockLength", 3)), "blockLength");
        fieldError(winning(Map.of("method", "STATIONARY_BLOCK", "blockLength", 0.5)), "blockLength");
        fieldError(winning(Map.of("method", "STUDENT_T", "degreesOfFreedom", 1.5)), "degreesOfFreedom");
        fieldError(winning(Map.of("method", "IID_ROUND_TRIPS")), "method");
        fieldError(winning(Map.of("phase", 2)), "phase");
        fieldError(winning(Map.of("assessmentId", UUID.randomUUID().toString())), "assessmentId");
        fieldError(Map.of("paths", 10), "assessmentId");
        ObjectNode misspelt = Fixtures.twoStep();
        misspelt.set("dailyLos", misspelt.get("dailyLoss"));
        JsonNode ruleSetProblem = fieldError(Fixtures.explicit(Map.of("days", Fixtures.winningDays()), misspelt,
                Map.of()), "dailyLos");
        assertThat(ruleSetProblem.get("errors").get(0).get("message").asString()).contains("not a rule-set field");
        ObjectNode badTarget = Fixtures.twoStep();
        ((ObjectNode) badTarget.get("phases").get(0)).put("profitTargetPct", "-5");
        JsonNode targetProblem = problem(api.post("/simulations", Fixtures.explicit(
                Map.of("days", Fixtures.winningDays()), badTarget, Map.of()), traderToken), 400, "validation");
        assertThat(targetProblem.get("errors").toString()).contains("profitTargetPct");
        Map<String, Object> badTrip = new HashMap<>(Fixtures.roundTrips(1, 5).getFirst());
        badTrip.put("pnl", "lots");
        fieldError(Fixtures.explicit(Map.of("roundTrips", List.of(badTrip)), Fixtures.twoStep(), Map.of()),
                "sample.roundTrips[0].pnl");

        JsonNode fewDays = problem(api.post("/simulations", Fixtures.explicit(
                Map.of("days", Fixtures.winningDays().subList(0, 3)), Fixtures.twoStep(), Map.of()), traderToken),
                422, "sample-too-small");
        assertThat(fewDays.get("minimum").asInt()).isEqualTo(5);
        assertThat(fewDays.get("actual").asInt()).isEqualTo(3);
        assertThat(fewDays.get("detail").asString()).contains("at least 5");
        JsonNode fewTrips = problem(api.post("/simulations", Fixtures.explicit(
                Map.of("roundTrips", Fixtures.roundTrips(4, 100)), Fixtures.twoStep(), Map.of()), traderToken),
                422, "sample-too-small");
        assertThat(fewTrips.get("minimum").asInt()).isEqualTo(10);
        assertThat(fewTrips.get("sampleKind").asString()).isEqualTo("ROUND_TRIPS");

        problem(api.post("/simulations", Map.of("assessmentId", UUID.randomUUID().toString()), traderToken), 404,
                "assessment-not-found");
        problem(api.post("/simulations", "{not json", traderToken), 400, "malformed-body");
        problem(api.get("/simulations/" + UUID.randomUUID(), traderToken), 404, "simulation-not-found");
        problem(api.get("/simulations?limit=0", traderToken), 400, "validation");
        problem(api.get("/simulations?status=DONE", traderToken), 400, "validation");
        problem(api.get("/simulations?cursor=garbage", traderToken), 400, "invalid-cursor");
        // the API is described from the code
        JsonNode openapi = expect(api.get("/openapi", null), 200);
        assertThat(openapi.get("paths").has("/simulations")).isTrue();
        assertThat(openapi.get("paths").has("/simulations/{id}")).isTrue();
        assertThat(openapi.get("paths").get("/simulations/{id}").has("delete")).isTrue();
    }

    @Test
    void aTraderHasAtMostThreeActiveSimulations() {
        String busy = IDENTITY.accessToken(UUID.randomUUID(), "TRADER");
        Map<String, Object> longJob = Fixtures.explicit(Map.of("days", Fixtures.flatDays()), Fixtures.endless(),
                Map.of("method", "IID_DAYS", "paths", 10_000_000, "horizonDays", 365));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(expect(api.post("/simulations", longJob, busy), 202).get("id").asString());
        }
        HttpResponse<String> refused = api.post("/simulations", longJob, busy);
        JsonNode p = problem(refused, 429, "too-many-simulations");
        assertThat(p.get("limit").asInt()).isEqualTo(3);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        for (String id : ids) {
            assertThat(api.delete("/simulations/" + id, busy).statusCode()).isIn(200, 202);
        }
        for (String id : ids) {
            assertThat(awaitFinished(id, busy, Duration.ofSeconds(30)).get("status").asString())
                    .isEqualTo("CANCELLED");
        }
        expect(api.post("/simulations", winning(Map.of("paths", 100, "horizonDays", 5)), busy), 202);
    }

    private JsonNode fieldError(Object body, String field) {
        JsonNode p = problem(api.post("/simulations", body, traderToken), 400, "validation");
        List<String> fields = new ArrayList<>();
        p.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(p.toString()).anyMatch(f -> f.equals(field) || f.endsWith(field));
        return p;
    }

    @Test
    void ownersSeeTheirOwnAndAdminsSeeAllWithCursorPagination() {
        UUID me = UUID.randomUUID();
        String mine = IDENTITY.accessToken(me, "TRADER");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(expect(api.post("/simulations", winning(Map.of("paths", 500, "horizonDays", 10)), mine), 202)
                    .get("id").asString());
        }
        String id = ids.getFirst();
        problem(api.get("/simulations/" + id, otherToken), 404, "simulation-not-found");
        problem(api.delete("/simulations/" + id, otherToken), 404, "simulation-not-found");
        assertThat(expect(api.get("/simulations/" + id, adminToken), 200).get("ownerUserId").asString())
                .isEqualTo(me.toString());
        assertThat(expect(api.get("/simulations", otherToken), 200).get("items").toString()).doesNotContain(id);

        JsonNode first = expect(api.get("/simulations?limit=2", mine), 200);
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = expect(api.get("/simulations?limit=2&cursor=" + first.get("nextCursor").asString(), mine),
                200);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.has("nextCursor")).isFalse();
        Set<String> seen = new HashSet<>();
        first.get("items").forEach(s -> seen.add(s.get("id").asString()));
        second.get("items").forEach(s -> seen.add(s.get("id").asString()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(expect(api.get("/simulations?userId=" + me + "&limit=100", adminToken), 200).get("items").size())
                .isEqualTo(3);

        for (String s : ids) {
            awaitFinished(s, mine, Duration.ofSeconds(60));
        }
        assertThat(expect(api.get("/simulations?status=SUCCEEDED&limit=100", mine), 200).get("items").size())
                .isEqualTo(3);
        assertThat(expect(api.get("/simulations?status=QUEUED", mine), 200).get("items").size()).isZero();
        JsonNode conflict = problem(api.delete("/simulations/" + id, mine), 409, "simulation-finished");
        assertThat(conflict.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRunningSimulationShowsProgressAtMostOncePerSecondAndIsCancelledBetweenChunks() {
        // 10M paths x 365 days that never reach a verdict: tens of seconds of work
        String id = expect(api.post("/simulations", Fixtures.explicit(Map.of("days", Fixtures.flatDays()),
                Fixtures.endless(), Map.of("method", "IID_DAYS", "paths", 10_000_000, "horizonDays", 365,
                        "threads", 1)), traderToken), 202).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode s = expect(api.get("/simulations/" + id, traderToken), 200);
            assertThat(s.get("status").asString()).isEqualTo("RUNNING");
            assertThat(s.get("progressPct").asInt()).isBetween(1, 99);
        });
        Instant cancelledAt = Instant.now();
        JsonNode requested = expect(api.delete("/simulations/" + id, traderToken), 202);
        assertThat(requested.get("cancelRequested").asBoolean()).isTrue();
        JsonNode done = awaitFinished(id, traderToken, Duration.ofSeconds(20));
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(done.has("result")).isFalse();
        assertThat(Duration.between(cancelledAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
        problem(api.delete("/simulations/" + id, traderToken), 409, "simulation-finished");

        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(bootstrap(), List.of(Topic.SIMULATION_COMPLETED.topicName(),
                Topic.SIMULATION_PROGRESS.topicName()), new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var mine = kafka.matching(r -> r.key().equals(id));
                assertThat(mine).anyMatch(r -> r.value().data() instanceof SimulationCompleted c
                        && c.status().equals("CANCELLED") && c.summary() == null);
                var progress = mine.stream()
                        .filter(r -> r.value().data() instanceof SimulationProgress).toList();
                assertThat(progress.size()).isGreaterThanOrEqualTo(2);
                for (int i = 1; i < progress.size(); i++) {
                    assertThat(Duration.between(progress.get(i - 1).value().occurredAt(),
                            progress.get(i).value().occurredAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
                    assertThat(((SimulationProgress) progress.get(i).value().data()).progressPct())
                            .isGreaterThanOrEqualTo(((SimulationProgress) progress.get(i - 1).value().data())
                                    .progressPct());
                }
            });
        }
    }

    @Test
    void aVoidedBreachTakesItsLiquidationOutOfTheSample() {
        UUID assessment = UUID.randomUUID();
        try (AssessmentEvents events = new AssessmentEvents(bootstrap(), assessment, trader)) {
            events.created(Fixtures.twoStep()).started().roundTrip(0, "700", "10");
            UUID liquidated = events.liquidatedAndFailed(0, "-59000");
            events.reinstated(liquidated, "PAUSED");
            int total = events.size();
            events.publishOutOfOrder(3);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.sql("SELECT last_seq FROM consumer_seq_cursor WHERE assessment_id = ?").param(assessment)
                            .query(Long.class).optional().orElse(0L) == total);
        }
        assertThat(jdbc.sql("SELECT sum(realized_pnl - fees) FROM sample_round_trip WHERE assessment_id = ?")
                .param(assessment).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("690");
        assertThat(jdbc.sql("SELECT status FROM assessment_sample WHERE assessment_id = ?").param(assessment)
                .query(String.class).single()).isEqualTo("PAUSED");
    }

    @Test
    void anAssessmentsSampleIsBuiltFromItsEventsAppliedInSeqOrderOnce() {
        UUID assessment = UUID.randomUUID();
        try (AssessmentEvents events = new AssessmentEvents(bootstrap(), assessment, trader)) {
            events.created(Fixtures.twoStep()).started();
            long equity = 100_000;
            for (int day = 0; day < 6; day++) {
                events.roundTrip(day, "700", "10").roundTrip(day, "-250", "10");
                equity += 430;
                events.dayClosed(day, "430", equity);
            }
            int total = events.size();
            events.publishOutOfOrder(42);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.sql("SELECT last_seq FROM consumer_seq_cursor WHERE assessment_id = ?").param(assessment)
                            .query(Long.class).optional().orElse(0L) == total);
            // a redelivery of everything changes nothing
            events.publishOutOfOrder(7);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM sample_round_trip WHERE assessment_id = ?").param(assessment)
                .query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT sum(realized_pnl - fees) FROM sample_round_trip WHERE assessment_id = ?")
                .param(assessment).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2580");
        assertThat(jdbc.sql("SELECT status FROM assessment_sample WHERE assessment_id = ?").param(assessment)
                .query(String.class).single()).isEqualTo("ACTIVE");

        Map<String, Object> body = Map.of("assessmentId", assessment.toString(), "paths", 5_000, "horizonDays", 30,
                "seed", 11);
        problem(api.post("/simulations", body, otherToken), 404, "assessment-not-found");
        JsonNode mine = expect(api.post("/simulations", body, traderToken), 202);
        assertThat(mine.get("assessmentId").asString()).isEqualTo(assessment.toString());
        assertThat(mine.get("parameters").get("sampleKind").asString()).isEqualTo("ROUND_TRIPS");
        assertThat(mine.get("parameters").get("sampleSize").asInt()).isEqualTo(12);
        assertThat(mine.get("parameters").get("method").asString()).isEqualTo("IID_ROUND_TRIPS");
        JsonNode byAdmin = expect(api.post("/simulations", Map.of("assessmentId", assessment.toString(),
                "paths", 1_000, "sampleKind", "DAYS", "method", "STATIONARY_BLOCK"), adminToken), 202);
        assertThat(byAdmin.get("ownerUserId").asString()).isEqualTo(trader.toString());
        assertThat(byAdmin.get("parameters").get("sampleSize").asInt()).isEqualTo(6);
        expect(api.post("/simulations", Map.of("assessmentId", assessment.toString(), "paths", 1_000),
                IDENTITY.accessToken(UUID.randomUUID(), "SERVICE")), 202);

        String id = mine.get("id").asString();
        JsonNode done = awaitFinished(id, traderToken, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        // +430 a day net: the 10,000 target is out of reach in 30 days for most paths, a breach rarer still
        assertThat(done.get("result").get("outcomes").get("PASSED").asLong()
                + done.get("result").get("outcomes").get("TIME_LIMIT").asLong()).isGreaterThan(4_000);
        assertThat(awaitFinished(byAdmin.get("id").asString(), traderToken, Duration.ofSeconds(60))
                .get("status").asString()).isEqualTo("SUCCEEDED");
        problem(api.get("/simulations/" + id, otherToken), 404, "simulation-not-found");
        assertThat(expect(api.get("/simulations?assessmentId=" + assessment, traderToken), 200).get("items").size())
                .isEqualTo(3);

        try (TopicReader<EventEnvelope<EventData>> kafka =
                new TopicReader<>(bootstrap(), List.of(Topic.SIMULATION_COMPLETED.topicName()),
                        new EventCodec()::decode)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.matching(r ->
                    r.key().equals(assessment.toString())
                            && ((SimulationCompleted) r.value().data()).simulationId().toString().equals(id)))
                    .hasSize(1));
        }
    }
}
