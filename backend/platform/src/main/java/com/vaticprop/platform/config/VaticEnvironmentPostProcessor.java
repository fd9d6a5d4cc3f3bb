package com.vaticprop.platform.config;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import com.vaticprop.platform.secrets.SecretsManagerEnvironment;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the contract's environment variables into Spring settings for whichever service is starting (named by
 * {@code vatic.service} in the service's own application.properties). Runs after the config files are loaded so
 * that it knows the service, and adds its sources last: anything set explicitly (a test, a command-line flag) wins.
 */
public class VaticEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SERVICE_PROPERTY = "vatic.service";
    public static final String SECRETS_SOURCE = "awsSecretsManager";

    private final Log log;

    public VaticEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(VaticEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty(SERVICE_PROPERTY);
        if (service == null) {
            return;
        }
        ServiceKind kind = ServiceKind.fromName(service);
        ServiceEnvironment early = ServiceEnvironment.of(kind, environment::getProperty);
        if (!early.production() && !environment.containsProperty("vatic.dotenv.disabled")) {
            Map<String, String> dotEnv = DotEnvFile.read(Path.of(".env"));
            if (!dotEnv.isEmpty()) {
                Map<String, Object> values = new HashMap<>(dotEnv);
                String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
                if (environment.getPropertySources().contains(after)) {
                    environment.getPropertySources().addAfter(after, new MapPropertySource("dotenv", values));
                } else {
                    environment.getPropertySources().addLast(new MapPropertySource("dotenv", values));
                }
            }
        }
        addSecrets(environment);
        environment.getPropertySources().addLast(new ServicePropertySource(kind, environment));
        ServiceEnvironment env = ServiceEnvironment.of(kind, environment::getProperty);
        env.rayServeUrl().ifPresent(url -> log.warn("RAY_SERVE_URL is set but ignored: simulations scale out "
                + "through the Kafka topic montecarlo.simulation-requested"));
    }

    /**
     * AWS Secrets Manager values (when AWS_SECRETS_MANAGER_ARN is set) right below the process environment and
     * above ./.env, as a system-environment-style source so relaxed names resolve too. A secret that cannot be read
     * stops the start with the configuration error naming the ARN.
     */
    private void addSecrets(ConfigurableEnvironment environment) {
        SecretsManagerEnvironment.Result secrets = SecretsManagerEnvironment.load(environment::getProperty);
        if (secrets.variables().isEmpty()) {
            return;
        }
        Map<String, Object> values = new HashMap<>(secrets.variables());
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(SECRETS_SOURCE, values);
        String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(after)) {
            environment.getPropertySources().addAfter(after, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
        log.info("loaded " + secrets.variables().size() + " variable(s) from AWS Secrets Manager"
                + (secrets.shadowed().isEmpty() ? "" : "; set in the environment instead: " + secrets.shadowed()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
