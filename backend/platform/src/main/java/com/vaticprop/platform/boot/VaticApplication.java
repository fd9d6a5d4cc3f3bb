package com.vaticprop.platform.boot;

import com.vaticprop.platform.config.DotEnvFile;
import com.vaticprop.platform.config.InvalidConfigurationException;
import com.vaticprop.platform.config.ServiceEnvironment;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.platform.events.TopicsCommand;
import com.vaticprop.platform.migration.MigrationCommand;
import com.vaticprop.platform.secrets.SecretsManagerEnvironment;
import org.springframework.boot.SpringApplication;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of every service: checks the environment first, so that a missing or unparseable variable stops
 * the service with one clear line (and exit code 78, EX_CONFIG) instead of a Spring stack trace; runs a migration
 * command when asked to; otherwise starts the Spring application.
 */
public final class VaticApplication {

    public static final int EX_CONFIG = 78;

    private VaticApplication() {
    }

    public static void run(Class<?> application, ServiceKind kind, String[] args) {
        Map<String, String> variables;
        try {
            variables = withSecrets(processEnvironment());
        } catch (InvalidConfigurationException e) {
            System.err.println(kind.serviceName() + " cannot start: " + e.getMessage());
            System.exit(EX_CONFIG);
            return;
        }
        ServiceEnvironment env = ServiceEnvironment.of(kind, variables);
        int code = preflight(env, args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
        SpringApplication.run(application, args);
    }

    /**
     * Returns an exit code when the process should end without starting the server (bad configuration or a migration
     * command), or -1 to go on and start it.
     */
    public static int preflight(ServiceEnvironment env, String[] args, PrintStream out, PrintStream err) {
        List<String> problems = env.problems();
        if (!problems.isEmpty()) {
            err.println(env.kind().serviceName() + " cannot start: " + String.join("; ", problems)
                    + " (APP_ENV=" + env.appEnv().name().toLowerCase(java.util.Locale.ROOT) + "; see .env.example)");
            return EX_CONFIG;
        }
        if (MigrationCommand.isCommand(args)) {
            return MigrationCommand.run(args[0], env, out, err);
        }
        if (TopicsCommand.isCommand(args)) {
            return TopicsCommand.run(args, env, out, err);
        }
        return -1;
    }

    /**
     * The variables with those of the AWS Secrets Manager secret(s) underneath, when AWS_SECRETS_MANAGER_ARN names
     * any: the pre-flight check then judges the configuration the service will really run with. Spring's
     * environment gets the same values from {@code VaticEnvironmentPostProcessor} (one fetch per process).
     */
    public static Map<String, String> withSecrets(Map<String, String> variables) {
        SecretsManagerEnvironment.Result secrets = SecretsManagerEnvironment.load(variables::get);
        if (secrets.variables().isEmpty()) {
            return variables;
        }
        Map<String, String> merged = new HashMap<>(secrets.variables());
        merged.putAll(variables);
        return merged;
    }

    /** The process environment, with ./.env underneath it in development. */
    static Map<String, String> processEnvironment() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        String appEnv = variables.getOrDefault("APP_ENV", variables.getOrDefault("NODE_ENV", "development"));
        if (!appEnv.trim().toLowerCase(java.util.Locale.ROOT).startsWith("prod")) {
            DotEnvFile.read(Path.of(".env")).forEach(variables::putIfAbsent);
        }
        return variables;
    }
}
