package com.vaticprop.platform.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Liveness and readiness. Liveness says only that the process works (it never looks at dependencies, or an outage
 * of Kafka would make Kubernetes restart every pod); readiness names the dependency that is down.
 */
@RestController
@Tag(name = "operations")
public class HealthController {

    private final String serviceName;
    private final ReadinessService readiness;

    public HealthController(String serviceName, ReadinessService readiness) {
        this.serviceName = serviceName;
        this.readiness = readiness;
    }

    @GetMapping(value = "/health", produces = "application/json")
    @Operation(summary = "Liveness: 200 while the process is fine")
    public Map<String, String> health() {
        return Map.of("status", "UP", "service", serviceName);
    }

    @GetMapping(value = "/ready", produces = "application/json")
    @Operation(summary = "Readiness: 200 when every dependency answers, else 503 naming the ones that do not")
    public ResponseEntity<ReadinessService.Report> ready() {
        ReadinessService.Report report = readiness.check();
        return ResponseEntity.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
    }
}
