package com.vaticprop.platform.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The environment variables of one service, checked and parsed once. Every service reads its configuration through
 * this type, so the rules of the contract (required variables in production, the NODE_ENV alias, development
 * defaults, how DATABASE_URL and the Kafka security settings are understood) live in one place.
 *
 * <p>Development defaults point at the devstack's ports (PostgreSQL 15432, Redis 16379, Kafka 19092), so a service
 * started alone next to a running devstack just works; production has no defaults for the required variables.
 */
public final class ServiceEnvironment {

    public static final String DEV_DATABASE_URL = "postgresql://postgres@127.0.0.1:15432/vatic";
    public static final String DEV_REDIS_PORT = "16379";
    public static final String DEV_KAFKA_BROKERS = "127.0.0.1:19092";

    private static final Set<String> KAFKA_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> SASL_MECHANISMS =
            Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "AWS_MSK_IAM", "OAUTHBEARER");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final ServiceKind kind;
    private final Function<String, String> lookup;
    private final AppEnv appEnv;

    private ServiceEnvironment(ServiceKind kind, Function<String, String> lookup) {
        this.kind = kind;
        this.lookup = lookup;
        this.appEnv = AppEnv.parse(raw("APP_ENV").or(() -> raw("NODE_ENV")).orElse(null));
    }

    /** Reads variables through {@code lookup} (the process environment, a Spring environment, a test map). */
    public static ServiceEnvironment of(ServiceKind kind, Function<String, String> lookup) {
        return new ServiceEnvironment(kind, lookup);
    }

    public static ServiceEnvironment of(ServiceKind kind, Map<String, String> variables) {
        return new ServiceEnvironment(kind, variables::get);
    }

    public ServiceKind kind() {
        return kind;
    }

    public AppEnv appEnv() {
        return appEnv;
    }

    public boolean production() {
        return appEnv == AppEnv.PRODUCTION;
    }

    /**
     * Every problem with the variables, one line each; empty when the service may start. Values are never echoed.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String envVariable = raw("APP_ENV").isPresent() ? "APP_ENV" : "NODE_ENV";
        if (raw(envVariable).isPresent() && AppEnv.tryParse(raw(envVariable).get()) == null) {
            problems.add(envVariable + " must be one of development, test, production");
        }
        if (production()) {
            for (String name : kind.requiredInProduction()) {
                if (raw(name).isEmpty()) {
                    problems.add(name + " is required in production for " + kind.serviceName());
                }
            }
        }
        collect(problems, this::port);
        if (kind.uses(ServiceKind.Dependency.POSTGRES) && !(production() && raw("DATABASE_URL").isEmpty())) {
            collect(problems, this::database);
        }
        if (kind.uses(ServiceKind.Dependency.REDIS)) {
            collect(problems, this::redis);
        }
        collect(problems, this::kafka);
        collect(problems, this::logLevel);
        collect(problems, this::corsAllowedOrigins);
        for (String url : List.of("CORE_JWKS_URL", "CORE_URL", "MONTECARLO_URL")) {
            raw(url).ifPresent(value -> collect(problems, () -> httpUrl(url, value)));
        }
        return problems;
    }

    private static void collect(List<String> problems, Runnable check) {
        try {
            check.run();
        } catch (InvalidConfigurationException e) {
            problems.add(e.getMessage());
        }
    }

    public int port() {
        return raw("PORT").map(v -> parsePort("PORT", v)).orElse(kind.defaultPort());
    }

    public DatabaseUrl database() {
        return DatabaseUrl.parse(raw("DATABASE_URL").orElse(production() ? null : DEV_DATABASE_URL));
    }

    public RedisSettings redis() {
        String host = raw("REDIS_HOST").orElse("127.0.0.1");
        int port = parsePort("REDIS_PORT", raw("REDIS_PORT").orElse(DEV_REDIS_PORT));
        boolean tls = parseBoolean("REDIS_TLS", raw("REDIS_TLS").orElse("false"));
        return new RedisSettings(host, port, raw("REDIS_PASSWORD").orElse(null), tls);
    }

    public KafkaSettings kafka() {
        String brokers = raw("KAFKA_BROKERS").orElse(DEV_KAFKA_BROKERS);
        for (String broker : brokers.split(",")) {
            String b = broker.trim();
            int colon = b.lastIndexOf(':');
            if (colon <= 0) {
                throw new InvalidConfigurationException("KAFKA_BROKERS", "must be a comma-separated list of host:port");
            }
            parsePort("KAFKA_BROKERS", b.substring(colon + 1));
        }
        String clientId = raw("KAFKA_CLIENT_ID").orElse(kind.serviceName());
        String protocol = raw("KAFKA_SECURITY_PROTOCOL").map(v -> v.toUpperCase(Locale.ROOT)).orElse("PLAINTEXT");
        if (!KAFKA_PROTOCOLS.contains(protocol)) {
            throw new InvalidConfigurationException("KAFKA_SECURITY_PROTOCOL", "must be one of " + KAFKA_PROTOCOLS);
        }
        String mechanism = raw("KAFKA_SASL_MECHANISM").map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
        if (mechanism != null && !SASL_MECHANISMS.contains(mechanism)) {
            throw new InvalidConfigurationException("KAFKA_SASL_MECHANISM", "must be one of " + SASL_MECHANISMS);
        }
        if (mechanism != null && !protocol.startsWith("SASL_")) {
            throw new InvalidConfigurationException("KAFKA_SASL_MECHANISM",
                    "needs KAFKA_SECURITY_PROTOCOL SASL_SSL or SASL_PLAINTEXT");
        }
        if (mechanism != null && (mechanism.startsWith("SCRAM") || mechanism.equals("PLAIN")) && (raw("KAFKA_SASL_USERNAME").isEmpty()
                || raw("KAFKA_SASL_PASSWORD").isEmpty())) {
            throw new InvalidConfigurationException("KAFKA_SASL_USERNAME",
                    "and KAFKA_SASL_PASSWORD are required with SCRAM and PLAIN");
        }
        int partitions = raw("KAFKA_TOPIC_PARTITIONS").map(v -> parsePositive("KAFKA_TOPIC_PARTITIONS", v)).orElse(3);
        short replication = (short) (int) raw("KAFKA_TOPIC_REPLICATION")
                .map(v -> parsePositive("KAFKA_TOPIC_REPLICATION", v)).orElse(production() ? 3 : 1);
        return new KafkaSettings(brokers, clientId, protocol, mechanism, raw("KAFKA_SASL_USERNAME").orElse(null),
                raw("KAFKA_SASL_PASSWORD").orElse(null), partitions, replication);
    }

    public Optional<String> logLevel() {
        return raw("LOG_LEVEL").map(v -> {
            String level = v.toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                throw new InvalidConfigurationException("LOG_LEVEL", "must be one of " + LOG_LEVELS);
            }
            return level;
        });
    }

    public List<String> corsAllowedOrigins() {
        return raw("CORS_ALLOWED_ORIGINS").map(v -> {
            List<String> origins = new ArrayList<>();
            for (String origin : v.split(",")) {
                String o = origin.trim();
                if (o.isEmpty()) {
                    continue;
                }
                if (!o.equals("*") && !o.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
                    throw new InvalidConfigurationException("CORS_ALLOWED_ORIGINS",
                            "must list origins like https://app.example.com (scheme://host[:port])");
                }
                origins.add(o);
            }
            return List.copyOf(origins);
        }).orElse(List.of());
    }

    public String coreJwksUrl() {
        return raw("CORE_JWKS_URL").orElse("http://localhost:3000/.well-known/jwks.json");
    }

    /** The RAY_SERVE_URL of the original design: read so it can be warned about, never used. */
    public Optional<String> rayServeUrl() {
        return raw("RAY_SERVE_URL");
    }

    /** A variable as set (trimmed), absent when unset or blank. */
    public Optional<String> raw(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static void httpUrl(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(name, "must be an http(s) URL");
        }
    }

    static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, "must be a port number (0-65535)");
        }
    }

    private static int parsePositive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, "must be a positive whole number");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidConfigurationException(name, "must be true or false");
        };
    }

    /** APP_ENV values; NODE_ENV is accepted as an alias because the original deployment set it. */
    public enum AppEnv {
        DEVELOPMENT, TEST, PRODUCTION;

        static AppEnv parse(String value) {
            AppEnv env = value == null ? DEVELOPMENT : tryParse(value);
            return env == null ? DEVELOPMENT : env;
        }

        static AppEnv tryParse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "development", "dev" -> DEVELOPMENT;
                case "test" -> TEST;
                case "production", "prod" -> PRODUCTION;
                default -> null;
            };
        }
    }

    public record RedisSettings(String host, int port, String password, boolean tls) {
        @Override
        public String toString() {
            return "RedisSettings[" + host + ":" + port + ", tls=" + tls + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    public record KafkaSettings(String brokers, String clientId, String securityProtocol, String saslMechanism,
                                String saslUsername, String saslPassword, int topicPartitions,
                                short topicReplication) {

        /** Kafka client properties for the security settings, shared by producers, consumers and admin clients. */
        public Map<String, String> securityProperties() {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("security.protocol", securityProtocol);
            if (saslMechanism != null) {
                props.put("sasl.mechanism", saslMechanism);
                switch (saslMechanism) {
                    case "SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN" -> props.put("sasl.jaas.config",
                            (saslMechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                                    : "org.apache.kafka.common.security.scram.ScramLoginModule")
                                    + " required username=\"" + jaasQuoted(saslUsername) + "\" password=\""
                                    + jaasQuoted(saslPassword) + "\";");
                    case "AWS_MSK_IAM" -> {
                        props.put("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;");
                        props.put("sasl.client.callback.handler.class",
                                "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
                    }
                    default -> {
                    }
                }
            }
            return props;
        }

        /** A value inside a JAAS double-quoted string: backslashes and quotes escaped, as Kafka's parser expects. */
        private static String jaasQuoted(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        @Override
        public String toString() {
            return "KafkaSettings[" + brokers + ", clientId=" + clientId + ", protocol=" + securityProtocol
                    + ", sasl=" + saslMechanism + "]";
        }
    }
}
