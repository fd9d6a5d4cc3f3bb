package com.vaticprop.platform.secrets;

import com.vaticprop.platform.config.InvalidConfigurationException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Production secrets from AWS Secrets Manager, read once at start-up when {@code AWS_SECRETS_MANAGER_ARN} is set.
 *
 * <p>Each secret is a JSON object of environment variables — {@code {"DATABASE_URL": "…", "REDIS_PASSWORD": "…",
 * "STRIPE_SECRET_KEY": "…", "JWT_SIGNING_KEYS": "…", "KALSHI_PRIVATE_KEY": "…"}} — so a secret feeds the service
 * exactly like the environment does and no setting needs a second name. {@code AWS_SECRETS_MANAGER_ARN} may list
 * several ARNs separated by commas; a later one overrides an earlier one (the migration Job reads the service's secret,
 * then the migrator's, whose DATABASE_URL carries DDL rights).
 *
 * <p>Variables set in the process environment win over the secret's: an operator can still override one value on a
 * Deployment, and a variable shadowed that way is named (never its value) in {@link Result#shadowed()}.
 *
 * <p>Loaded values are remembered per ARN list for the life of the process, because both the pre-flight check
 * ({@code VaticApplication}) and Spring's environment need them and the second lookup must not cost a second call.
 */
public final class SecretsManagerEnvironment {

    public static final String ARN_VARIABLE = "AWS_SECRETS_MANAGER_ARN";

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Map<String, String>> LOADED = new ConcurrentHashMap<>();

    /** The secret's variables, and which of them the process environment already sets. */
    public record Result(Map<String, String> variables, List<String> shadowed) {
    }

    private SecretsManagerEnvironment() {
    }

    /** The ARNs named by {@code AWS_SECRETS_MANAGER_ARN}; empty when unset or blank. */
    public static List<String> arns(Function<String, String> environment) {
        String value = environment.apply(ARN_VARIABLE);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The secrets' variables for this environment (empty without an ARN), fetched with a client made from the same
     * environment (region, endpoint, credentials: {@link SecretsManagerClients}) or taken from this process's earlier
     * load of the same ARNs.
     *
     * @throws InvalidConfigurationException naming the ARN when a secret cannot be read or is not a JSON object
     */
    public static Result load(Function<String, String> environment) {
        List<String> arns = arns(environment);
        if (arns.isEmpty()) {
            return new Result(Map.of(), List.of());
        }
        String key = String.join(",", arns) + "@" + SecretsManagerClients.endpoint(environment).orElse("aws");
        Map<String, String> variables = LOADED.computeIfAbsent(key, k -> {
            try (SecretsManagerClient client = SecretsManagerClients.create(environment, arns.getFirst())) {
                return fetch(client, arns);
            }
        });
        List<String> shadowed = variables.keySet().stream().filter(name -> environment.apply(name) != null)
                .sorted().toList();
        return new Result(variables, shadowed);
    }

    /** Reads each ARN in order; a later secret's variable replaces an earlier one's. */
    public static Map<String, String> fetch(SecretsManagerClient client, List<String> arns) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String arn : arns) {
            GetSecretValueResponse response;
            try {
                response = client.getSecretValue(r -> r.secretId(arn));
            } catch (SdkException e) {
                throw new InvalidConfigurationException(ARN_VARIABLE,
                        "names a secret that cannot be read (" + arn + "): " + firstLine(e.getMessage()));
            }
            variables.putAll(parse(arn, response.secretString()));
        }
        return Map.copyOf(variables);
    }

    /** A secret string as variables: a flat JSON object of UPPER_SNAKE names to strings (or numbers/booleans). */
    static Map<String, String> parse(String arn, String secretString) {
        if (secretString == null) {
            throw new InvalidConfigurationException(ARN_VARIABLE,
                    "names a binary secret (" + arn + "); store a JSON object of variables as its string");
        }
        JsonNode root;
        try {
            root = JSON.readTree(secretString);
        } catch (JacksonException e) {
            throw new InvalidConfigurationException(ARN_VARIABLE,
                    "names a secret that is not JSON (" + arn + "); store {\"VARIABLE\": \"value\", …}");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigurationException(ARN_VARIABLE,
                    "names a secret that is not a JSON object (" + arn + ")");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw new InvalidConfigurationException(ARN_VARIABLE, "names a secret (" + arn + ") with key '"
                        + name + "', which is not an environment variable name (A-Z, 0-9, _)");
            }
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidConfigurationException(ARN_VARIABLE, "names a secret (" + arn + ") whose " + name
                        + " is not a string");
            }
            variables.put(name, value.asString());
        }
        return variables;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    /** Forgets what this process loaded (tests). */
    static void forget() {
        LOADED.clear();
    }
}
