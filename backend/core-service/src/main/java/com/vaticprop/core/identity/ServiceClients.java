package com.vaticprop.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The service clients allowed to obtain SERVICE tokens with client credentials. core-service reads the same
 * {@code SERVICE_CLIENT_ID} / {@code SERVICE_CLIENT_SECRET} pair report-service uses (CONTRACTS.md "Configuration"),
 * plus optional extra pairs in {@code SERVICE_CLIENTS} ({@code id:secret,id2:secret2}). Without any, {@code POST
 * /auth/token} answers 401 to everyone. Secrets are compared in constant time over their SHA-256.
 */
final class ServiceClients {

    private final Map<String, byte[]> secretHashes;

    ServiceClients(Map<String, String> secrets) {
        this.secretHashes = secrets.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> sha256(e.getValue())));
    }

    static ServiceClients parse(String clientId, String clientSecret, String more) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        if (clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank()) {
            all.put(clientId.trim(), clientSecret);
        }
        if (more != null) {
            for (String pair : more.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0 && colon < pair.length() - 1) {
                    all.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
                }
            }
        }
        return new ServiceClients(all);
    }

    /** The client id when id and secret match a configured client. */
    Optional<String> authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        byte[] expected = secretHashes.get(clientId);
        byte[] presented = sha256(clientSecret);
        boolean ok = MessageDigest.isEqual(expected == null ? sha256("\u0000no-such-client") : expected, presented);
        return ok && expected != null ? Optional.of(clientId) : Optional.empty();
    }

    int size() {
        return secretHashes.size();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
