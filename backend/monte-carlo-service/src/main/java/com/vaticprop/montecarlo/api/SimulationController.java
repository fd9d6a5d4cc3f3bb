package com.vaticprop.montecarlo.api;

import com.vaticprop.montecarlo.MonteCarloSettings;
import com.vaticprop.montecarlo.jobs.SimulationCanceller;
import com.vaticprop.montecarlo.jobs.SimulationSubmitter;
import com.vaticprop.montecarlo.store.SimulationRow;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The simulations API (README.md beside the pom): queue, watch, list and cancel Monte Carlo simulations. */
@RestController
@Tag(name = "simulations")
public class SimulationController {

    private final SimulationRequestParser parser;
    private final SimulationSubmitter submitter;
    private final SimulationStore store;
    private final SimulationCanceller canceller;
    private final MonteCarloSettings settings;

    public SimulationController(SimulationRequestParser parser, SimulationSubmitter submitter, SimulationStore store,
                                SimulationCanceller canceller, MonteCarloSettings settings) {
        this.parser = parser;
        this.submitter = submitter;
        this.store = store;
        this.canceller = canceller;
        this.settings = settings;
    }

    @PostMapping("/simulations")
    @Operation(summary = "Queue a simulation of an assessment (assessmentId) or of an explicit sample + ruleSet",
            description = "202 with the QUEUED simulation and its Location; 400 field errors, 404 unknown or "
                    + "foreign assessment, 422 sample below the minimum, 429 too many active simulations.")
    public ResponseEntity<SimulationView> create(@RequestBody JsonNode body, Authentication auth) {
        Caller caller = Caller.of(auth);
        SimulationRequestParser.Parsed parsed = parser.parse(body, caller);
        if (!caller.privileged() && store.countActive(parsed.owner()) >= settings.maxActivePerUser()) {
            // a soft cap (two racing requests may both pass): it keeps one trader from filling the shared queue
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-simulations",
                    "You have " + settings.maxActivePerUser() + " simulations queued or running; wait for one to "
                            + "finish or cancel one.")
                    .with("limit", settings.maxActivePerUser()).withHeader("Retry-After", "10");
        }
        UUID id = submitter.submit(parsed.owner(), caller.subject(), parsed.assessmentId(), parsed.spec());
        SimulationRow row = store.find(id).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/simulations/" + id))
                .body(SimulationView.of(row, false));
    }

    @GetMapping("/simulations/{id}")
    @Operation(summary = "One simulation: status, progress %, and the result once SUCCEEDED")
    public SimulationView get(@PathVariable UUID id, Authentication auth) {
        return SimulationView.of(visible(id, Caller.of(auth)), true);
    }

    @GetMapping("/simulations")
    @Operation(summary = "Simulations, newest first (own ones; ADMIN/SERVICE see all), with a keyset cursor")
    public Map<String, Object> list(@RequestParam(required = false) String status,
                                    @RequestParam(required = false) UUID assessmentId,
                                    @RequestParam(required = false) UUID userId,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "20") int limit, Authentication auth) {
        Caller caller = Caller.of(auth);
        if (limit < 1 || limit > 100) {
            throw SimulationRequestParser.invalid(List.of(Map.of("field", "limit",
                    "message", "must be between 1 and 100")));
        }
        SimulationStatus s = null;
        if (status != null) {
            try {
                s = SimulationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw SimulationRequestParser.invalid(List.of(Map.of("field", "status",
                        "message", "must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED")));
            }
        }
        UUID owner = caller.privileged() ? userId : caller.userId();
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<SimulationRow> rows = store.list(owner, s, assessmentId, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<SimulationRow> page = more ? rows.subList(0, limit) : rows;
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("items", page.stream().map(r -> SimulationView.of(r, false)).toList());
        if (more) {
            SimulationRow last = page.getLast();
            out.put("nextCursor", new PageCursor(last.createdAt(), last.id()).encode());
        }
        return out;
    }

    @DeleteMapping("/simulations/{id}")
    @Operation(summary = "Cancel: a QUEUED simulation at once (200), a RUNNING one between chunks (202); "
            + "409 once finished")
    public ResponseEntity<SimulationView> cancel(@PathVariable UUID id, Authentication auth) {
        SimulationRow row = visible(id, Caller.of(auth));
        SimulationCanceller.Outcome outcome = canceller.cancel(row);
        SimulationRow now = store.find(id).orElse(row);
        return switch (outcome) {
            case CANCELLED -> ResponseEntity.ok(SimulationView.of(now, false));
            case REQUESTED -> ResponseEntity.accepted().body(SimulationView.of(now, false));
            case ALREADY_FINISHED -> throw new ApiProblemException(HttpStatus.CONFLICT, "simulation-finished",
                    "The simulation is already " + now.status() + "; there is nothing to cancel.")
                    .with("status", now.status().name());
        };
    }

    private SimulationRow visible(UUID id, Caller caller) {
        return store.find(id).filter(r -> caller.maySee(r.ownerUserId()))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "simulation-not-found",
                        "No simulation " + id + " for you."));
    }
}
