package com.vaticprop.platform.config;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceEnvironmentTest {

    /** CONTRACTS.md "Configuration", restated independently of ServiceKind. */
    private static List<String> contractRequired(ServiceKind kind) {
        List<String> redis = List.of("REDIS_HOST", "REDIS_PORT");
        List<String> kafka = List.of("KAFKA_BROKERS", "KAFKA_CLIENT_ID");
        return switch (kind) {
            case CORE -> concat(List.of("DATABASE_URL"), redis, kafka,
                    List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"));
            case MARKET_DATA -> concat(redis, kafka, List.of("CORE_JWKS_URL"));
            case MONTE_CARLO -> concat(List.of("DATABASE_URL"), kafka, List.of("CORE_JWKS_URL"));
            case WEBSOCKET -> concat(redis, kafka, List.of("CORE_JWKS_URL"));
            case REPORT -> concat(List.of("DATABASE_URL"), kafka, List.of("CORE_JWKS_URL", "CORE_URL",
                    "MONTECARLO_URL", "SERVICE_CLIENT_ID", "SERVICE_CLIENT_SECRET"));
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** A complete, valid production environment for {@code kind}. */
    static Map<String, String> completeProduction(ServiceKind kind) {
        Map<String, String> all = new HashMap<>(Map.ofEntries(
                Map.entry("APP_ENV", "production"),
                Map.entry("DATABASE_URL", "postgresql://svc:s3cr3t-db-pass@db.internal:26257/vatic?sslmode=verify-full"),
                Map.entry("REDIS_HOST", "redis.internal"),
                Map.entry("REDIS_PORT", "6380"),
                Map.entry("KAFKA_BROKERS", "b-1.kafka:9098,b-2.kafka:9098"),
                Map.entry("KAFKA_CLIENT_ID", kind.serviceName() + "-1"),
                Map.entry("STRIPE_SECRET_KEY", "sk_live_TOPSECRET"),
                Map.entry("STRIPE_WEBHOOK_SECRET", "whsec_TOPSECRET"),
                Map.entry("CORE_JWKS_URL", "http://core-service/.well-known/jwks.json"),
                Map.entry("CORE_URL", "http://core-service"),
                Map.entry("MONTECARLO_URL", "http://monte-carlo-service"),
                Map.entry("SERVICE_CLIENT_ID", "report"),
                Map.entry("SERVICE_CLIENT_SECRET", "svc_TOPSECRET")));
        all.keySet().retainAll(new java.util.HashSet<>(concat(List.of("APP_ENV"), contractRequired(kind))));
        return all;
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void requiredInProductionIsExactlyTheContractsList(ServiceKind kind) {
        assertThat(kind.requiredInProduction()).containsExactlyInAnyOrderElementsOf(contractRequired(kind));
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void aCompleteProductionEnvironmentHasNoProblems(ServiceKind kind) {
        ServiceEnvironment env = ServiceEnvironment.of(kind, completeProduction(kind));
        assertThat(env.production()).isTrue();
        assertThat(env.problems()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void productionNamesEachMissingRequiredVariableOnce(ServiceKind kind) {
        for (String missing : contractRequired(kind)) {
            Map<String, String> vars = completeProduction(kind);
            vars.remove(missing);
            List<String> problems = ServiceEnvironment.of(kind, vars).problems();
            assertThat(problems).as("without %s", missing).hasSize(1);
            assertThat(problems.get(0)).startsWith(missing + " ").contains("required");
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void anEmptyProductionEnvironmentListsEveryRequiredVariableAndNothingElse(ServiceKind kind) {
        List<String> problems = ServiceEnvironment.of(kind, Map.of("APP_ENV", "production")).problems();
        assertThat(problems.stream().map(p -> p.split(" ", 2)[0]).toList())
                .containsExactlyInAnyOrderElementsOf(contractRequired(kind));
    }

    @Test
    void blankCountsAsMissing() {
        Map<String, String> vars = completeProduction(ServiceKind.CORE);
        vars.put("KAFKA_CLIENT_ID", "   ");
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, vars).problems())
                .containsExactly("KAFKA_CLIENT_ID is required in production for core-service");
    }

    @Test
    void developmentNeedsNothingAndPointsAtTheDevstack() {
        for (ServiceKind kind : ServiceKind.values()) {
            ServiceEnvironment env = ServiceEnvironment.of(kind, Map.of());
            assertThat(env.appEnv()).isEqualTo(ServiceEnvironment.AppEnv.DEVELOPMENT);
            assertThat(env.problems()).isEmpty();
        }
        assertThat(ServiceKind.CORE.defaultPort()).isEqualTo(3000);
        assertThat(List.of(ServiceKind.values()).stream().map(k -> ServiceEnvironment.of(k, Map.of()).port()))
                .containsExactly(3000, 3001, 3002, 3003, 3004);
        ServiceEnvironment core = ServiceEnvironment.of(ServiceKind.CORE, Map.of());
        assertThat(core.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/vatic");
        assertThat(core.database().username()).isEqualTo("postgres");
        assertThat(core.redis()).isEqualTo(new ServiceEnvironment.RedisSettings("127.0.0.1", 16379, null, false));
        ServiceEnvironment.KafkaSettings kafka = core.kafka();
        assertThat(kafka.brokers()).isEqualTo("127.0.0.1:19092");
        assertThat(kafka.clientId()).isEqualTo("core-service");
        assertThat(kafka.securityProtocol()).isEqualTo("PLAINTEXT");
        assertThat(kafka.saslMechanism()).isNull();
        assertThat(kafka.topicReplication()).isEqualTo((short) 1);
        assertThat(core.corsAllowedOrigins()).isEmpty();
        assertThat(core.logLevel()).isEmpty();
    }

    @Test
    void productionDefaultsTopicReplicationToThree() {
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, completeProduction(ServiceKind.CORE)).kafka()
                .topicReplication()).isEqualTo((short) 3);
    }

    @Test
    void nodeEnvIsAnAliasAndAppEnvWins() {
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("NODE_ENV", "production")).production()).isTrue();
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("NODE_ENV", "Production ")).production()).isTrue();
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("NODE_ENV", "test")).appEnv())
                .isEqualTo(ServiceEnvironment.AppEnv.TEST);
        ServiceEnvironment both = ServiceEnvironment.of(ServiceKind.CORE,
                Map.of("APP_ENV", "development", "NODE_ENV", "production"));
        assertThat(both.production()).isFalse();
        assertThat(both.problems()).isEmpty();
        // NODE_ENV=production enforces the production requirements like APP_ENV does
        assertThat(ServiceEnvironment.of(ServiceKind.WEBSOCKET, Map.of("NODE_ENV", "production")).problems())
                .anySatisfy(p -> assertThat(p).startsWith("CORE_JWKS_URL "));
    }

    @Test
    void anUnknownEnvironmentNameIsOneProblemNamingTheVariableThatHoldsIt() {
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("APP_ENV", "staging")).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("APP_ENV ").doesNotContain("staging"));
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("NODE_ENV", "staging")).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("NODE_ENV ").doesNotContain("staging"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "PORT|http8080",
            "PORT|70000",
            "PORT|-1",
            "REDIS_PORT|hunter2-secret",
            "REDIS_PORT|65536",
            "REDIS_TLS|maybe-secret",
            "KAFKA_SECURITY_PROTOCOL|TLS_PLEASE",
            "KAFKA_SASL_MECHANISM|GSSAPI_SECRET",
            "LOG_LEVEL|VERBOSE",
            "CORS_ALLOWED_ORIGINS|cors-host.internal",
            "CORS_ALLOWED_ORIGINS|https://ok.example.com,javascript:alert(1)",
            "CORE_JWKS_URL|not a url",
            "CORE_JWKS_URL|ftp://core/jwks.json",
            "KAFKA_BROKERS|broker-without-port",
            "KAFKA_TOPIC_PARTITIONS|zero",
            "DATABASE_URL|mysql://user:pw-secret@db/x",
    })
    void anUnparseableValueIsOneProblemLineThatNamesTheVariableAndNotTheValue(String name, String value) {
        Map<String, String> vars = new HashMap<>(completeProduction(ServiceKind.CORE));
        vars.put("CORE_JWKS_URL", "http://core-service/.well-known/jwks.json");
        vars.put(name, value);
        if (name.equals("KAFKA_SASL_MECHANISM")) {
            vars.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        }
        for (Map<String, String> env : List.of(vars, Map.of(name, value))) {
            List<String> problems = ServiceEnvironment.of(ServiceKind.CORE, env).problems();
            assertThat(problems).as("%s", env).singleElement().satisfies(p -> {
                assertThat(p).startsWith(name + " ");
                assertThat(p).doesNotContain(value);
                assertThat(p).doesNotContain("\n");
            });
        }
    }

    @Test
    void secretsNeverAppearInProblems() {
        Map<String, String> vars = completeProduction(ServiceKind.CORE);
        vars.put("DATABASE_URL", "postgresql://svc:pa%zzss-secret@db.internal/vatic");
        vars.put("REDIS_PASSWORD", "redis-TOPSECRET");
        vars.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        vars.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        vars.put("KAFKA_SASL_PASSWORD", "kafka-TOPSECRET");
        List<String> problems = ServiceEnvironment.of(ServiceKind.CORE, vars).problems();
        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("KAFKA_SASL_USERNAME "));
        assertThat(String.join("\n", problems)).doesNotContain("secret", "SECRET", "zz");
    }

    @Test
    void settingsParseAndTheirToStringHidesPasswords() {
        Map<String, String> vars = new HashMap<>(Map.of(
                "PORT", " 8080 ",
                "REDIS_HOST", "cache.internal", "REDIS_PORT", "6380", "REDIS_TLS", "TRUE",
                "REDIS_PASSWORD", "redis-TOPSECRET",
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl", "KAFKA_SASL_MECHANISM", "scram-sha-512",
                "KAFKA_SASL_USERNAME", "vatic", "KAFKA_SASL_PASSWORD", "kafka\"TOP\\SECRET",
                "LOG_LEVEL", "debug"));
        vars.put("CORS_ALLOWED_ORIGINS", "https://app.vaticprop.com, http://localhost:5173,");
        ServiceEnvironment env = ServiceEnvironment.of(ServiceKind.CORE, vars);
        assertThat(env.problems()).isEmpty();
        assertThat(env.port()).isEqualTo(8080);
        assertThat(env.redis()).isEqualTo(new ServiceEnvironment.RedisSettings("cache.internal", 6380,
                "redis-TOPSECRET", true));
        assertThat(env.redis().toString()).doesNotContain("TOPSECRET");
        ServiceEnvironment.KafkaSettings kafka = env.kafka();
        assertThat(kafka.securityProtocol()).isEqualTo("SASL_SSL");
        assertThat(kafka.saslMechanism()).isEqualTo("SCRAM-SHA-512");
        assertThat(kafka.toString()).doesNotContain("TOP");
        assertThat(env.logLevel()).contains("DEBUG");
        assertThat(env.corsAllowedOrigins()).containsExactly("https://app.vaticprop.com", "http://localhost:5173");

        Map<String, String> props = kafka.securityProperties();
        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
                "SCRAM-SHA-512");
        // Kafka itself must read back the exact credentials, quotes and backslashes included
        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password(props.get("sasl.jaas.config")))).configurationEntries().get(0);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(entry.getOptions().get("username")).isEqualTo("vatic");
        assertThat(entry.getOptions().get("password")).isEqualTo("kafka\"TOP\\SECRET");
    }

    @Test
    void mskIamNeedsNoCredentials() {
        ServiceEnvironment env = ServiceEnvironment.of(ServiceKind.MONTE_CARLO, Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "AWS_MSK_IAM"));
        assertThat(env.problems()).isEmpty();
        assertThat(env.kafka().securityProperties())
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void aSaslMechanismNeedsASaslProtocol() {
        assertThat(ServiceEnvironment.of(ServiceKind.CORE, Map.of("KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("KAFKA_SASL_MECHANISM "));
    }

    @Test
    void servicesWithoutADatabaseIgnoreDatabaseUrl() {
        assertThat(ServiceEnvironment.of(ServiceKind.MARKET_DATA, Map.of("DATABASE_URL", "garbage")).problems())
                .isEmpty();
    }

    @Test
    void serviceKindsAreFoundByEitherName() {
        assertThat(ServiceKind.fromName("market-data")).isEqualTo(ServiceKind.MARKET_DATA);
        assertThat(ServiceKind.fromName("market-data-service")).isEqualTo(ServiceKind.MARKET_DATA);
        assertThat(ServiceKind.fromName("monte-carlo")).isEqualTo(ServiceKind.MONTE_CARLO);
        assertThat(ServiceKind.fromName("core")).isEqualTo(ServiceKind.CORE);
        assertThatThrownBy(() -> ServiceKind.fromName("billing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServiceKind.CORE.schema()).contains("core");
        assertThat(ServiceKind.MARKET_DATA.schema()).isEmpty();
    }
}
