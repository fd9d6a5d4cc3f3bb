package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.MonteCarloSettings;
import com.vaticprop.montecarlo.readmodel.SampleRepository;
import com.vaticprop.montecarlo.spec.MethodName;
import com.vaticprop.montecarlo.spec.SampleJson;
import com.vaticprop.montecarlo.spec.SimulationSpec;
import com.vaticprop.platform.jdbc.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deliver 5 (off by default, {@code vatic.montecarlo.resimulate.enabled}): every interval, each ACTIVE assessment
 * with at least the minimum of round trips in its phase gets a fresh simulation of its current sample, so the
 * trader's pass probability follows their trading. One pod wins each assessment per interval (a conditional UPDATE
 * of {@code resimulated_at}); the jobs then go through the same queue as requested ones.
 */
public final class Resimulator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Resimulator.class);
    public static final String REQUESTED_BY = "system:resimulation";

    private final SampleRepository samples;
    private final SimulationSubmitter submitter;
    private final Transactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MonteCarloSettings settings;

    public Resimulator(SampleRepository samples, SimulationSubmitter submitter, Transactions transactions,
                       JdbcClient jdbc, Clock clock, MonteCarloSettings settings) {
        this.samples = samples;
        this.submitter = submitter;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void run() {
        for (UUID id : samples.activeWithRoundTrips(settings.minRoundTrips())) {
            try {
                transactions.run(() -> resimulate(id));
            } catch (RuntimeException e) {
                log.warn("re-simulation of assessment {} skipped: {}", id, e.toString());
            }
        }
    }

    private void resimulate(UUID assessmentId) {
        Instant now = clock.instant();
        Instant due = now.minus(settings.resimulation().interval());
        boolean mine = jdbc.sql("""
                        UPDATE assessment_sample SET resimulated_at = ?
                        WHERE assessment_id = ? AND (resimulated_at IS NULL OR resimulated_at <= ?)""")
                .params(Timestamp.from(now), assessmentId, Timestamp.from(due)).update() == 1;
        if (!mine) {
            return;
        }
        SampleRepository.AssessmentTerms terms = samples.terms(assessmentId).orElseThrow();
        SimulationSpec spec = new SimulationSpec(MethodName.IID_ROUND_TRIPS, null, null,
                settings.resimulation().horizonDays(), settings.resimulation().paths(),
                ThreadLocalRandom.current().nextLong(), 1, terms.phase(), terms.initialBalance(), terms.ruleSet(),
                new SampleJson(samples.roundTrips(assessmentId, terms.phase()), null));
        spec.toEngineRequest(); // a rule set or sample the engine refuses is skipped, not queued
        UUID id = submitter.submit(terms.userId(), REQUESTED_BY, assessmentId, spec);
        log.info("assessment {}: periodic re-simulation {} queued", assessmentId, id);
    }
}
