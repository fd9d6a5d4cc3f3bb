package com.vaticprop.montecarlo.api;

import com.vaticprop.montecarlo.MonteCarloSettings;
import com.vaticprop.montecarlo.readmodel.SampleRepository;
import com.vaticprop.montecarlo.spec.MethodName;
import com.vaticprop.montecarlo.spec.SampleJson;
import com.vaticprop.montecarlo.spec.SimulationSpec;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetValidation;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a {@code POST /simulations} body into a frozen {@link SimulationSpec}: either an assessment's sample copied
 * from the read model with the rule set pinned in {@code assessment.created}, or an explicit sample and rule set.
 * Field problems are one 400 listing them all; a sample below the minimum is a 422 saying what the minimum is.
 */
public final class SimulationRequestParser {

    /** A request ready to queue. */
    public record Parsed(UUID owner, UUID assessmentId, SimulationSpec spec) {
    }

    enum SampleKind { ROUND_TRIPS, DAYS }

    private final SampleRepository samples;
    private final MonteCarloSettings settings;
    private final SecureRandom seeds = new SecureRandom();

    public SimulationRequestParser(SampleRepository samples, MonteCarloSettings settings) {
        this.samples = samples;
        this.settings = settings;
    }

    public Parsed parse(JsonNode body, Caller caller) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(java.util.Map.of("field", "body", "message", "must be a JSON object")));
        }
        BodyReader in = new BodyReader();
        UUID assessmentId = in.uuid(body, "assessmentId", "assessmentId");
        boolean explicit = BodyReader.present(body, "sample") || BodyReader.present(body, "ruleSet");
        if (BodyReader.present(body, "assessmentId") && explicit) {
            in.error("assessmentId", "give either an assessmentId or a sample with a ruleSet, not both");
        } else if (!BodyReader.present(body, "assessmentId") && !explicit) {
            in.error("assessmentId", "give either an assessmentId or a sample with a ruleSet");
        }
        MethodName method = in.enumValue(body, "method", "method", MethodName.class);
        Double blockLength = in.positive(body, "blockLength", "blockLength", 1, true);
        Double dof = in.positive(body, "degreesOfFreedom", "degreesOfFreedom", 2, false);
        if (blockLength != null && method != MethodName.STATIONARY_BLOCK) {
            in.error("blockLength", "applies only to method STATIONARY_BLOCK");
        }
        if (dof != null && method != MethodName.STUDENT_T) {
            in.error("degreesOfFreedom", "applies only to method STUDENT_T");
        }
        Integer paths = in.integer(body, "paths", "paths", SimulationLimits.DEFAULT_PATHS, 1,
                SimulationLimits.MAX_PATHS);
        Integer horizon = in.integer(body, "horizonDays", "horizonDays", SimulationLimits.DEFAULT_HORIZON_DAYS, 1,
                SimulationLimits.MAX_HORIZON_DAYS);
        Integer threads = in.integer(body, "threads", "threads", 1, 1, settings.maxThreads());
        Long seed = in.longValue(body, "seed", "seed");
        Integer phaseField = in.integer(body, "phase", "phase", null, 0, 9);
        BigDecimal initialBalance = in.decimal(body, "initialBalance", "initialBalance", false);
        if (initialBalance != null && initialBalance.signum() <= 0) {
            in.error("initialBalance", "must be > 0");
        }
        SampleKind kind = in.enumValue(body, "sampleKind", "sampleKind", SampleKind.class);

        UUID owner;
        JsonNode ruleSetJson;
        SampleJson sample;
        int phase;
        if (assessmentId != null && !explicit) {
            if (!in.errors().isEmpty()) {
                throw invalid(in.errors());
            }
            SampleRepository.AssessmentTerms terms = samples.terms(assessmentId)
                    .filter(t -> caller.maySee(t.userId()))
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "assessment-not-found",
                            "No assessment " + assessmentId + " is known to the simulation service for you "
                                    + "(its events may not have arrived yet)."));
            owner = terms.userId();
            ruleSetJson = terms.ruleSet();
            phase = phaseField != null ? phaseField : terms.phase();
            if (initialBalance == null && phase == terms.phase()) {
                initialBalance = terms.initialBalance();
            }
            SampleKind k = kind != null ? kind : method == null || method.needsRoundTrips()
                    ? SampleKind.ROUND_TRIPS : SampleKind.DAYS;
            sample = k == SampleKind.ROUND_TRIPS
                    ? new SampleJson(samples.roundTrips(assessmentId, phase), null)
                    : new SampleJson(null, samples.days(assessmentId, phase));
        } else {
            if (kind != null) {
                in.error("sampleKind", "applies only with an assessmentId (an explicit sample says what it is)");
            }
            owner = caller.userId();
            if (owner == null) {
                in.error("assessmentId", "a service token can only simulate an assessment");
            }
            ruleSetJson = body.get("ruleSet");
            sample = SampleParser.parse(body.get("sample"), in);
            phase = phaseField == null ? 0 : phaseField;
        }
        RuleSet ruleSet = validRuleSet(ruleSetJson, in);
        if (ruleSet != null && phase >= ruleSet.phases().size()) {
            in.error("phase", "the rule set has " + ruleSet.phases().size() + " phase(s)");
        }
        if (sample != null && method != null && method.needsRoundTrips() && !sample.hasRoundTrips()) {
            in.error("method", "IID_ROUND_TRIPS needs a round-trip sample");
        }
        if (!in.errors().isEmpty()) {
            throw invalid(in.errors());
        }
        checkSize(sample);
        MethodName m = method != null ? method : sample.hasRoundTrips() ? MethodName.IID_ROUND_TRIPS
                : MethodName.IID_DAYS;
        SimulationSpec spec = new SimulationSpec(m, blockLength, dof, horizon, paths,
                seed != null ? seed : seeds.nextLong(), threads, phase, initialBalance, RuleSetJson.write(ruleSet),
                sample);
        try {
            spec.toEngineRequest(); // the engine's own checks, before the request is accepted
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "simulation-not-possible",
                    e.getMessage());
        }
        return new Parsed(owner, assessmentId, spec);
    }

    private static RuleSet validRuleSet(JsonNode json, BodyReader in) {
        if (json == null || json.isNull()) {
            in.error("ruleSet", "is required");
            return null;
        }
        RuleSetValidation v = RuleSetJson.read(json);
        if (v instanceof RuleSetValidation.Valid valid) {
            return valid.ruleSet();
        }
        for (FieldError e : v.errors()) {
            in.error(e.path().startsWith("ruleSet") ? e.path() : "ruleSet." + e.path(), e.message());
        }
        return null;
    }

    private void checkSize(SampleJson sample) {
        if (sample.hasRoundTrips() && sample.roundTrips().size() < settings.minRoundTrips()) {
            throw tooSmall("round trips", sample.roundTrips().size(), settings.minRoundTrips());
        }
        if (!sample.hasRoundTrips() && sample.days().size() < settings.minDays()) {
            throw tooSmall("days", sample.days().size(), settings.minDays());
        }
    }

    private static ApiProblemException tooSmall(String what, int actual, int minimum) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "sample-too-small",
                "The sample has " + actual + " closed " + what + "; a simulation needs at least " + minimum
                        + " to resample from.")
                .with("sampleKind", what.equals("days") ? "DAYS" : "ROUND_TRIPS")
                .with("actual", actual).with("minimum", minimum);
    }

    static ApiProblemException invalid(List<java.util.Map<String, String>> errors) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.")
                .with("errors", new ArrayList<>(errors));
    }
}
