package com.vaticprop.montecarlo;

import com.vaticprop.montecarlo.jobs.JobFeed;
import com.vaticprop.montecarlo.jobs.JobRunner;
import com.vaticprop.montecarlo.jobs.Resimulator;
import com.vaticprop.montecarlo.store.Claim;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.montecarlo.support.AssessmentEvents;
import com.vaticprop.montecarlo.support.Fixtures;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.testkit.kafka.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Timestamp;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service (two Spring contexts on one database and one Kafka): they share the job queue, a job
 * whose pod died (a stale lease) is taken over and finished exactly once, and the periodic re-simulation (enabled on
 * the second instance only) queues simulations of an ACTIVE assessment with enough trades, and stopping the second
 * instance hands its running job back to the queue at once.
 */
class JobDistributionTest extends MonteCarloServiceTestBase {

    @Autowired
    JobRunner runner;
    @Autowired
    SimulationStore store;

    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> p = new HashMap<>();
        p.put("DATABASE_URL", environment.getRequiredProperty("DATABASE_URL"));
        p.put("KAFKA_BROKERS", bootstrap());
        p.put("spring.kafka.bootstrap-servers", bootstrap());
        p.put("CORE_JWKS_URL", IDENTITY.jwksUrl());
        p.put("vatic.dotenv.disabled", "true");
        for (String s : JOB_SETTINGS) {
            String[] kv = s.split("=", 2);
            p.put(kv[0], kv[1]);
        }
        p.put("vatic.montecarlo.resimulate.enabled", "true");
        p.put("vatic.montecarlo.resimulate.interval", "4s");
        p.put("vatic.montecarlo.resimulate.paths", "2000");
        return new SpringApplicationBuilder(MonteCarloServiceApplication.class).properties(p)
                .run("--server.port=0");
    }

    private static Set<UUID> completionIds(TopicReader<EventEnvelope<EventData>> kafka, Set<String> keys) {
        Set<UUID> out = new HashSet<>();
        kafka.matching(r -> keys.contains(r.key())).forEach(r -> {
            assertThat(((SimulationCompleted) r.value().data()).status()).isEqualTo("SUCCEEDED");
            out.add(r.value().id());
        });
        return out;
    }

    @Test
    void twoInstancesShareTheQueueAndAJobWhosePodDiedIsFinishedOnceByAnother() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            JobFeed secondFeed = second.getBean(JobFeed.class);
            String secondPod = second.getBean(JobRunner.class).podId();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    secondFeed.assignedPartitions() > 0 && jobFeed.assignedPartitions() > 0
                            && secondFeed.assignedPartitions() + jobFeed.assignedPartitions() == 3);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(expect(api.post("/simulations", Fixtures.explicit(Map.of("days", Fixtures.winningDays()),
                        Fixtures.twoStep(), Map.of("paths", 50_000, "horizonDays", 30, "seed", i)), adminToken), 202)
                        .get("id").asString());
            }
            Set<String> ranOn = new HashSet<>();
            for (String id : ids) {
                assertThat(awaitFinished(id, adminToken, Duration.ofSeconds(90)).get("status").asString())
                        .isEqualTo("SUCCEEDED");
                ranOn.add(jdbc.sql("SELECT lease_owner FROM simulation WHERE id = ?").param(UUID.fromString(id))
                        .query(String.class).single());
            }
            assertThat(ranOn).containsExactlyInAnyOrder(runner.podId(), secondPod);

            // a pod claimed this job and died: its lease ran out a minute ago
            UUID orphan = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO simulation (id, owner_user_id, requested_by, assessment_id, status, request,
                                progress_pct, cancel_requested, attempt, lease_owner, lease_until, created_at,
                                started_at, updated_at)
                            SELECT ?, owner_user_id, requested_by, NULL, 'RUNNING', request, 40, FALSE, 1, 'dead-pod',
                                ?, ?, ?, ? FROM simulation WHERE id = ?""")
                    .params(orphan, Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now()),
                            Timestamp.from(Instant.now()), Timestamp.from(Instant.now()),
                            UUID.fromString(ids.getFirst()))
                    .update();
            var recovered = awaitFinished(orphan.toString(), adminToken, Duration.ofSeconds(60));
            assertThat(recovered.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(recovered.get("attempts").asInt()).isEqualTo(2);
            // same request, same seed: the same result as the job it was copied from
            assertThat(recovered.get("result").get("passProbability")).isEqualTo(expect(api.get("/simulations/"
                    + ids.getFirst(), adminToken), 200).get("result").get("passProbability"));
            // the dead pod coming back cannot finish it a second time
            assertThat(store.finish(new Claim(orphan, "dead-pod", 1), SimulationStatus.FAILED, null, "late",
                    Instant.now())).isFalse();
            assertThat(store.heartbeat(new Claim(orphan, "dead-pod", 1), 50, Instant.now(),
                    Instant.now().plusSeconds(30))).isEmpty();

            // a job that keeps killing its pods is given up after the last attempt
            UUID doomed = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO simulation (id, owner_user_id, requested_by, status, request, progress_pct,
                                cancel_requested, attempt, lease_owner, lease_until, created_at, updated_at)
                            SELECT ?, owner_user_id, requested_by, 'RUNNING', request, 0, FALSE, 3, 'dead-pod', ?, ?, ?
                            FROM simulation WHERE id = ?""")
                    .params(doomed, Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now()),
                            Timestamp.from(Instant.now()), UUID.fromString(ids.getFirst()))
                    .update();
            var failed = awaitFinished(doomed.toString(), adminToken, Duration.ofSeconds(30));
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).contains("gave up after 3 attempts");

            // a QUEUED job whose request was lost (nobody touched it for an hour) is announced again and runs
            UUID forgotten = UUID.randomUUID();
            Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
            jdbc.sql("""
                            INSERT INTO simulation (id, owner_user_id, requested_by, status, request, progress_pct,
                                cancel_requested, attempt, created_at, updated_at)
                            SELECT ?, owner_user_id, requested_by, 'QUEUED', request, 0, FALSE, 0, ?, ?
                            FROM simulation WHERE id = ?""")
                    .params(forgotten, hourAgo, hourAgo, UUID.fromString(ids.getFirst())).update();
            assertThat(awaitFinished(forgotten.toString(), adminToken, Duration.ofSeconds(60)).get("status")
                    .asString()).isEqualTo("SUCCEEDED");

            try (TopicReader<EventEnvelope<EventData>> kafka =
                    new TopicReader<>(bootstrap(), List.of(Topic.SIMULATION_COMPLETED.topicName()),
                            new EventCodec()::decode)) {
                // at-least-once on the wire: a redelivered record has the same event id; one completion = one id
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completionIds(kafka, Set.of(
                        orphan.toString()))).hasSize(1));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(completionIds(kafka, Set.of(orphan.toString()))).hasSize(1));
                assertThat(completionIds(kafka, new HashSet<>(ids))).hasSize(ids.size());
            }

            // periodic re-simulation (second instance only): an ACTIVE assessment with 12 round trips
            UUID assessment = UUID.randomUUID();
            try (AssessmentEvents events = new AssessmentEvents(bootstrap(), assessment, trader)) {
                events.created(Fixtures.twoStep()).started();
                for (int day = 0; day < 6; day++) {
                    events.roundTrip(day, "600", "5").roundTrip(day, "-200", "5");
                }
                events.publishOutOfOrder(3);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    jdbc.sql("""
                                    SELECT count(*) FROM simulation WHERE assessment_id = ? AND requested_by = ?
                                    AND status = 'SUCCEEDED'""")
                            .params(assessment, Resimulator.REQUESTED_BY).query(Long.class).single() >= 1);
            assertThat(expect(api.get("/simulations?assessmentId=" + assessment, traderToken), 200).get("items")
                    .get(0).get("ownerUserId").asString()).isEqualTo(trader.toString());

            // a graceful stop hands a running job back at once (no lease to wait for); the other pod takes it
            String handedBack = longJobRunningOn(secondPod);
            second.close();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                var row = expect(api.get("/simulations/" + handedBack, adminToken), 200);
                assertThat(row.get("status").asString()).isEqualTo("RUNNING");
                assertThat(row.get("attempts").asInt()).isEqualTo(2);
            });
            assertThat(jdbc.sql("SELECT lease_owner FROM simulation WHERE id = ?")
                    .param(UUID.fromString(handedBack)).query(String.class).single()).isEqualTo(runner.podId());
            expect(api.delete("/simulations/" + handedBack, adminToken), 202);
            assertThat(awaitFinished(handedBack, adminToken, Duration.ofSeconds(30)).get("status").asString())
                    .isEqualTo("CANCELLED");
        }
    }

    /** Queues long jobs until one runs on {@code pod}; the others are cancelled. Returns its id. */
    private String longJobRunningOn(String pod) {
        for (int attempt = 0; attempt < 12; attempt++) {
            String id = expect(api.post("/simulations", Fixtures.explicit(Map.of("days", Fixtures.flatDays()),
                    Fixtures.endless(), Map.of("method", "IID_DAYS", "paths", 10_000_000, "horizonDays", 365)),
                    adminToken), 202).get("id").asString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "RUNNING".equals(expect(api.get("/simulations/" + id, adminToken), 200).get("status")
                            .asString()));
            String owner = jdbc.sql("SELECT lease_owner FROM simulation WHERE id = ?").param(UUID.fromString(id))
                    .query(String.class).single();
            if (owner.equals(pod)) {
                return id;
            }
            api.delete("/simulations/" + id, adminToken);
            awaitFinished(id, adminToken, Duration.ofSeconds(30));
        }
        throw new AssertionError("no long job landed on " + pod);
    }
}
