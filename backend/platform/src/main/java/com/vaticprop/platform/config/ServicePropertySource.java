package com.vaticprop.platform.config;

import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Spring settings derived from the contract's variables (DATABASE_URL → spring.datasource.*, KAFKA_* →
 * spring.kafka.*, …) plus the platform's fixed defaults (/metrics, /openapi, problem+json, graceful shutdown).
 *
 * <p>Values are computed on every lookup rather than once: test frameworks register DATABASE_URL and friends after
 * environment post-processing, and a lazy source still sees them.
 */
final class ServicePropertySource extends EnumerablePropertySource<ServiceKind> {

    private final Environment environment;
    private final Map<String, Function<ServiceEnvironment, Object>> derived = new LinkedHashMap<>();

    ServicePropertySource(ServiceKind kind, Environment environment) {
        super("vaticService", kind);
        this.environment = environment;
        defaults(kind);
        derive(kind);
    }

    private void defaults(ServiceKind kind) {
        constant("spring.application.name", kind.serviceName());
        constant("spring.threads.virtual.enabled", "true");
        constant("server.shutdown", "graceful");
        // behind Istio / the ingress: client address and scheme from X-Forwarded-* (rate limits, audit, redirects)
        constant("server.forward-headers-strategy", "native");
        constant("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        constant("server.error.include-stacktrace", "never");
        constant("server.error.include-message", "never");
        constant("server.error.include-binding-errors", "never");
        constant("server.error.whitelabel.enabled", "false");
        constant("spring.web.resources.add-mappings", "false");
        constant("spring.mvc.problemdetails.enabled", "true");
        constant("management.endpoints.web.base-path", "/");
        constant("management.endpoints.web.exposure.include", "prometheus");
        constant("management.endpoints.web.path-mapping.prometheus", "metrics");
        constant("management.endpoints.access.default", "read-only");
        constant("springdoc.api-docs.path", "/openapi");
        constant("springdoc.swagger-ui.path", "/swagger-ui.html");
        constant("springdoc.api-docs.enabled", "true");
        constant("springdoc.swagger-ui.enabled", "true");
        constant("logging.level.org.apache.kafka", "WARN");
        constant("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
        constant("logging.level.org.apache.kafka.clients.admin.internals", "ERROR");
        constant("logging.level.kafka", "WARN");
        constant("logging.level.org.apache.kafka.clients.consumer.internals", "ERROR");
        constant("spring.flyway.enabled", "false");
        constant("spring.kafka.admin.auto-create", "false");
        constant("spring.kafka.admin.fail-fast", "false");
        constant("spring.kafka.listener.missing-topics-fatal", "false");
        constant("spring.kafka.producer.properties.max.block.ms", "10000");
        // every producer puts the trace on its records (platform.tracing)
        constant("spring.kafka.producer.properties.interceptor.classes",
                "com.vaticprop.platform.tracing.TraceparentProducerInterceptor");
        constant("vatic.service.kind", kind.name());
        put("logging.level.root", env -> env.logLevel().orElse("INFO"));
        put("logging.structured.format.console", env -> env.production() ? "ecs" : null);
        put("server.port", ServiceEnvironment::port);
        put("vatic.security.jwks-url", ServiceEnvironment::coreJwksUrl);
        put("vatic.cors.allowed-origins", env -> String.join(",", env.corsAllowedOrigins()));
        put("vatic.app-env", env -> env.appEnv().name().toLowerCase(java.util.Locale.ROOT));
    }

    private void derive(ServiceKind kind) {
        if (kind.uses(ServiceKind.Dependency.POSTGRES)) {
            put("spring.datasource.url", env -> env.database().jdbcUrl());
            put("spring.datasource.username", env -> env.database().username());
            put("spring.datasource.password", env -> env.database().password());
            constant("spring.datasource.hikari.connection-timeout", "3000");
            constant("spring.datasource.hikari.validation-timeout", "1000");
            constant("spring.datasource.hikari.initialization-fail-timeout", "-1");
            constant("spring.datasource.hikari.maximum-pool-size", "10");
            kind.schema().ifPresent(schema -> {
                constant("spring.datasource.hikari.schema", schema);
                constant("vatic.database.schema", schema);
            });
        }
        if (kind.uses(ServiceKind.Dependency.REDIS)) {
            put("spring.data.redis.host", env -> env.redis().host());
            put("spring.data.redis.port", env -> env.redis().port());
            put("spring.data.redis.password", env -> env.redis().password());
            put("spring.data.redis.ssl.enabled", env -> env.redis().tls());
            constant("spring.data.redis.timeout", "2s");
            constant("spring.data.redis.connect-timeout", "2s");
        }
        put("spring.kafka.bootstrap-servers", env -> env.kafka().brokers());
        put("spring.kafka.client-id", env -> env.kafka().clientId());
        put("spring.kafka.security.protocol", env -> env.kafka().securityProtocol());
        put("spring.kafka.properties.sasl.mechanism", env -> env.kafka().securityProperties().get("sasl.mechanism"));
        put("spring.kafka.properties.sasl.jaas.config",
                env -> env.kafka().securityProperties().get("sasl.jaas.config"));
        put("spring.kafka.properties.sasl.client.callback.handler.class",
                env -> env.kafka().securityProperties().get("sasl.client.callback.handler.class"));
        put("vatic.kafka.topic-partitions", env -> env.kafka().topicPartitions());
        put("vatic.kafka.topic-replication", env -> env.kafka().topicReplication());
    }

    private void constant(String name, Object value) {
        derived.put(name, env -> value);
    }

    private void put(String name, Function<ServiceEnvironment, Object> value) {
        derived.put(name, value);
    }

    @Override
    public String[] getPropertyNames() {
        return derived.keySet().toArray(String[]::new);
    }

    @Override
    public boolean containsProperty(String name) {
        return derived.containsKey(name) && getProperty(name) != null;
    }

    @Override
    public Object getProperty(String name) {
        Function<ServiceEnvironment, Object> f = derived.get(name);
        if (f == null) {
            return null;
        }
        Object value = f.apply(ServiceEnvironment.of(getSource(), environment::getProperty));
        return value == null ? null : value.toString();
    }
}
