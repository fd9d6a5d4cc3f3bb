package com.vaticprop.platform.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The five services, with what each needs from its environment. This is the one place that encodes the
 * "Configuration" table of the contracts: default port, the schema it owns, the infrastructure it depends on and the
 * variables it cannot run without in production.
 */
public enum ServiceKind {
    CORE("core-service", 3000, "core", EnumSet.of(Dependency.POSTGRES, Dependency.REDIS, Dependency.KAFKA),
            List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")),
    MARKET_DATA("market-data-service", 3001, null, EnumSet.of(Dependency.REDIS, Dependency.KAFKA),
            List.of("CORE_JWKS_URL")),
    MONTE_CARLO("monte-carlo-service", 3002, "montecarlo", EnumSet.of(Dependency.POSTGRES, Dependency.KAFKA),
            List.of("CORE_JWKS_URL")),
    WEBSOCKET("websocket-service", 3003, null, EnumSet.of(Dependency.REDIS, Dependency.KAFKA),
            List.of("CORE_JWKS_URL")),
    REPORT("report-service", 3004, "report", EnumSet.of(Dependency.POSTGRES, Dependency.KAFKA),
            List.of("CORE_JWKS_URL", "CORE_URL", "MONTECARLO_URL", "SERVICE_CLIENT_ID", "SERVICE_CLIENT_SECRET"));

    /** Infrastructure a service talks to; each one is a readiness check. */
    public enum Dependency { POSTGRES, REDIS, KAFKA }

    private final String serviceName;
    private final int defaultPort;
    private final String schema;
    private final Set<Dependency> dependencies;
    private final List<String> ownVariables;

    ServiceKind(String serviceName, int defaultPort, String schema, Set<Dependency> dependencies,
                List<String> ownVariables) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.schema = schema;
        this.dependencies = dependencies;
        this.ownVariables = ownVariables;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The database schema the service owns, if any. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    public Set<Dependency> dependencies() {
        return dependencies;
    }

    public boolean uses(Dependency dependency) {
        return dependencies.contains(dependency);
    }

    /** Variables without which the service refuses to start in production, in the contract's order. */
    public List<String> requiredInProduction() {
        List<String> required = new java.util.ArrayList<>();
        if (uses(Dependency.POSTGRES)) {
            required.add("DATABASE_URL");
        }
        if (uses(Dependency.REDIS)) {
            required.addAll(List.of("REDIS_HOST", "REDIS_PORT"));
        }
        required.addAll(List.of("KAFKA_BROKERS", "KAFKA_CLIENT_ID"));
        required.addAll(ownVariables);
        return List.copyOf(required);
    }

    /** Looks a service up by its name ({@code core-service}) or short name ({@code core}). */
    public static ServiceKind fromName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.serviceName.equals(name) || k.serviceName.equals(name + "-service")
                        || k.name().equalsIgnoreCase(name.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service: " + name));
    }
}
