package com.vaticprop.platform.secrets;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.InvalidConfigurationException;
import com.vaticprop.platform.config.ServiceEnvironment;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.platform.config.VaticEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Secrets Manager loader against a local server speaking GetSecretValue, through the real AWS SDK client. */
class SecretsManagerEnvironmentTest {

    private static final String APP_ARN = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:vatic-prop/core-service";
    private static final String MIGRATOR_ARN =
            "arn:aws:secretsmanager:eu-central-1:111122223333:secret:vatic-prop/core-service-migrator";

    private LocalSecretsManager aws;

    @BeforeEach
    void start() throws Exception {
        SecretsManagerEnvironment.forget();
        aws = new LocalSecretsManager()
                .put(APP_ARN, """
                        {"DATABASE_URL": "postgresql://core_app:app-pw@db.internal:26257/vatic?sslmode=verify-full",
                         "REDIS_PASSWORD": "redis-pw", "STRIPE_SECRET_KEY": "sk_live_x", "STRIPE_WEBHOOK_SECRET": "whsec_x",
                         "JWT_SIGNING_KEYS": "-----BEGIN PRIVATE KEY-----\\nMIG...\\n-----END PRIVATE KEY-----",
                         "KALSHI_API_KEY_ID": "kid-1", "MONTECARLO_WORKERS": 2}""")
                .put(MIGRATOR_ARN, """
                        {"DATABASE_URL": "postgresql://core_migrator:ddl-pw@db.internal:26257/vatic?sslmode=verify-full"}""");
    }

    @AfterEach
    void stop() {
        aws.close();
        SecretsManagerEnvironment.forget();
    }

    private Map<String, String> env(String arns) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_SECRETS_MANAGER_ARN", arns);
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return env;
    }

    @Test
    void loadsEveryVariableOfTheSecretThroughASignedGetSecretValueCall() {
        Map<String, String> env = env(APP_ARN);

        SecretsManagerEnvironment.Result result = SecretsManagerEnvironment.load(env::get);

        assertThat(result.variables()).containsEntry("REDIS_PASSWORD", "redis-pw")
                .containsEntry("STRIPE_SECRET_KEY", "sk_live_x").containsEntry("KALSHI_API_KEY_ID", "kid-1")
                .containsEntry("MONTECARLO_WORKERS", "2")
                .containsEntry("JWT_SIGNING_KEYS", "-----BEGIN PRIVATE KEY-----\nMIG...\n-----END PRIVATE KEY-----");
        assertThat(result.variables().get("DATABASE_URL")).startsWith("postgresql://core_app:");
        assertThat(aws.calls).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(call.secretId()).isEqualTo(APP_ARN);
            // SigV4 with the region taken from the ARN (no AWS_REGION set)
            assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-central-1/secretsmanager/aws4_request");
        });
    }

    @Test
    void aLaterSecretOverridesAnEarlierOneAndTheProcessEnvironmentWinsOverBoth() {
        Map<String, String> env = env(APP_ARN + ", " + MIGRATOR_ARN);
        env.put("REDIS_PASSWORD", "from-the-deployment");

        Map<String, String> merged = VaticApplication.withSecrets(env);

        assertThat(merged.get("DATABASE_URL")).startsWith("postgresql://core_migrator:ddl-pw@");
        assertThat(merged).containsEntry("REDIS_PASSWORD", "from-the-deployment")
                .containsEntry("STRIPE_WEBHOOK_SECRET", "whsec_x");
        assertThat(SecretsManagerEnvironment.load(env::get).shadowed()).containsExactly("REDIS_PASSWORD");
        assertThat(aws.calls).extracting(LocalSecretsManager.Call::secretId).containsExactly(APP_ARN, MIGRATOR_ARN);
    }

    @Test
    void theProductionPreflightPassesOnSecretsAloneAndTheSecondLookupCostsNoCall() {
        Map<String, String> env = env(APP_ARN);
        env.putAll(Map.of("APP_ENV", "production", "REDIS_HOST", "redis.internal", "REDIS_PORT", "6379",
                "KAFKA_BROKERS", "b-1:9098", "KAFKA_CLIENT_ID", "core-service"));
        ServiceEnvironment without = ServiceEnvironment.of(ServiceKind.CORE, env);
        assertThat(without.problems()).anyMatch(p -> p.contains("DATABASE_URL"));

        ServiceEnvironment with = ServiceEnvironment.of(ServiceKind.CORE, VaticApplication.withSecrets(env));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VaticApplication.preflight(with, new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(code).as(err.toString()).isEqualTo(-1);
        assertThat(with.database().username()).isEqualTo("core_app");
        VaticApplication.withSecrets(env);
        assertThat(aws.calls).hasSize(1);
    }

    @Test
    void springSeesTheSecretsUnderTheProcessEnvironmentAndDerivesItsSettingsFromThem() {
        StandardEnvironment spring = new StandardEnvironment();
        Map<String, Object> props = new HashMap<>(env(APP_ARN));
        props.put("vatic.service", "core");
        props.put("vatic.dotenv.disabled", "true");
        spring.getPropertySources().addFirst(new MapPropertySource("test", props));

        new VaticEnvironmentPostProcessor(new DeferredLogFactory() {
            @Override
            public org.apache.commons.logging.Log getLog(java.util.function.Supplier<org.apache.commons.logging.Log> destination) {
                return destination.get();
            }
        }).postProcessEnvironment(spring, new SpringApplication());

        assertThat(spring.getProperty("STRIPE_SECRET_KEY")).isEqualTo("sk_live_x");
        assertThat(spring.getProperty("spring.datasource.username")).isEqualTo("core_app");
        assertThat(spring.getProperty("spring.datasource.url")).contains("db.internal:26257/vatic");
        assertThat(spring.getProperty("spring.data.redis.password")).isEqualTo("redis-pw");
    }

    @Test
    void aMissingSecretStopsTheStartWithOneLineNamingTheArn() {
        Map<String, String> env = env("arn:aws:secretsmanager:eu-central-1:111122223333:secret:vatic-prop/nope");

        assertThatThrownBy(() -> SecretsManagerEnvironment.load(env::get))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("AWS_SECRETS_MANAGER_ARN names a secret that cannot be read")
                .hasMessageContaining("vatic-prop/nope")
                .hasMessageContaining("can't find the specified secret");
    }

    @Test
    void aSecretThatIsNotAFlatObjectOfVariablesIsRefusedWithoutEchoingItsValue() {
        aws.put("arn:aws:secretsmanager:eu-central-1:1:secret:plain", "hunter2")
                .put("arn:aws:secretsmanager:eu-central-1:1:secret:nested", "{\"DATABASE\": {\"url\": \"x\"}}")
                .put("arn:aws:secretsmanager:eu-central-1:1:secret:lower", "{\"database_url\": \"x\"}");

        assertThatThrownBy(() -> SecretsManagerEnvironment.load(env("arn:aws:secretsmanager:eu-central-1:1:secret:plain")::get))
                .hasMessageContaining("is not JSON").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SecretsManagerEnvironment.load(env("arn:aws:secretsmanager:eu-central-1:1:secret:nested")::get))
                .hasMessageContaining("DATABASE is not a string");
        assertThatThrownBy(() -> SecretsManagerEnvironment.load(env("arn:aws:secretsmanager:eu-central-1:1:secret:lower")::get))
                .hasMessageContaining("'database_url', which is not an environment variable name");
    }

    @Test
    void withoutAnArnNothingIsCalledAndTheEnvironmentIsUnchanged() {
        Map<String, String> env = env("  ");

        assertThat(VaticApplication.withSecrets(env)).isSameAs(env);
        assertThat(aws.calls).isEmpty();
    }
}
