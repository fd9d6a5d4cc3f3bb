package com.vaticprop.platform.secrets;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Secrets Manager client configured from the service's environment (process variables and, in development,
 * ./.env), so the loader sees the same settings the service does:
 * <ul>
 *   <li>region: {@code AWS_REGION}, else the region inside the secret's ARN;</li>
 *   <li>endpoint: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code AWS_ENDPOINT_URL} (the SDK's standard names;
 *       a VPC endpoint, or a local server in tests);</li>
 *   <li>credentials: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}) when
 *       given, otherwise the SDK's default chain — on EKS the pod's IRSA web-identity token.</li>
 * </ul>
 * Timeouts are short: a service that cannot reach Secrets Manager must fail its start-up in seconds, not hang.
 */
public final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    public static SecretsManagerClient create(Function<String, String> environment, String firstArn) {
        var builder = SecretsManagerClient.builder()
                .region(region(environment, firstArn))
                .credentialsProvider(credentials(environment))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(20)));
        endpoint(environment).ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder.build();
    }

    static Optional<String> endpoint(Function<String, String> environment) {
        return nonBlank(environment.apply("AWS_ENDPOINT_URL_SECRETS_MANAGER"))
                .or(() -> nonBlank(environment.apply("AWS_ENDPOINT_URL")));
    }

    /** {@code AWS_REGION}, else the fourth field of {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}. */
    static Region region(Function<String, String> environment, String arn) {
        return nonBlank(environment.apply("AWS_REGION")).map(Region::of).orElseGet(() -> {
            String[] parts = arn.split(":");
            if (parts.length > 3 && !parts[3].isBlank()) {
                return Region.of(parts[3]);
            }
            throw new com.vaticprop.platform.config.InvalidConfigurationException("AWS_REGION",
                    "is required when AWS_SECRETS_MANAGER_ARN is a secret name rather than an ARN");
        });
    }

    private static AwsCredentialsProvider credentials(Function<String, String> environment) {
        Optional<String> id = nonBlank(environment.apply("AWS_ACCESS_KEY_ID"));
        Optional<String> secret = nonBlank(environment.apply("AWS_SECRET_ACCESS_KEY"));
        if (id.isPresent() && secret.isPresent()) {
            Optional<String> token = nonBlank(environment.apply("AWS_SESSION_TOKEN"));
            return StaticCredentialsProvider.create(token.<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                    t -> AwsSessionCredentials.create(id.get(), secret.get(), t))
                    .orElseGet(() -> AwsBasicCredentials.create(id.get(), secret.get())));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
