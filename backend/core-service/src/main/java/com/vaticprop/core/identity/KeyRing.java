package com.vaticprop.core.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import com.vaticprop.platform.jdbc.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys core-service signs and verifies access tokens with (ES256).
 *
 * <p>Two sources: {@code JWT_SIGNING_KEYS} (a JWK set with private parts; the first key signs, all verify) — required
 * in production — or, in development and tests, the {@code signing_keys} table: the first use generates a P-256 key
 * and stores it, so restarts and replicas keep signing and verifying with the same key. The table is re-read every
 * few minutes and whenever a token names an unknown {@code kid} (at most every few seconds), so a key created or
 * rotated by another replica is picked up without a restart. Loading is lazy because the schema is migrated in the
 * background after start-up.
 */
public final class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Duration RELOAD_EVERY = Duration.ofMinutes(5);
    private static final Duration FORCED_RELOAD_MIN_GAP = Duration.ofSeconds(5);

    private record Snapshot(ECKey signer, JWKSet publicKeys, Instant loadedAt) {
    }

    private final SigningKeyRepository repository;
    private final Transactions transactions;
    private final Clock clock;
    private final List<ECKey> imported;
    private volatile Snapshot snapshot;
    private volatile Instant lastForcedReload = Instant.EPOCH;

    /** Keys from the database (development). */
    KeyRing(SigningKeyRepository repository, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.imported = List.of();
    }

    /** Keys from {@code JWT_SIGNING_KEYS}. */
    KeyRing(List<ECKey> imported, Clock clock) {
        if (imported.isEmpty()) {
            throw new IllegalArgumentException("no signing keys");
        }
        this.repository = null;
        this.transactions = null;
        this.clock = clock;
        this.imported = List.copyOf(imported);
        List<JWK> publics = new ArrayList<>(imported.stream().map(k -> (JWK) k.toPublicJWK()).toList());
        this.snapshot = new Snapshot(imported.get(0), new JWKSet(publics), Instant.MAX);
    }

    /** Parses {@code JWT_SIGNING_KEYS}: a JWK set (or a single JWK) of P-256 keys with private parts and a kid. */
    static List<ECKey> parseImported(String json) {
        try {
            String trimmed = json.trim();
            List<JWK> keys = trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed).getKeys() : List.of(JWK.parse(trimmed));
            List<ECKey> result = new ArrayList<>();
            for (JWK key : keys) {
                if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()
                        || ec.getKeyID() == null) {
                    throw new IllegalArgumentException("JWT_SIGNING_KEYS must hold P-256 (ES256) keys with a kid and "
                            + "their private part");
                }
                result.add(ec);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("JWT_SIGNING_KEYS holds no key");
            }
            return result;
        } catch (ParseException e) {
            throw new IllegalArgumentException("JWT_SIGNING_KEYS is not a JWK set", e);
        }
    }

    /** The private key new tokens are signed with. */
    public ECKey signingKey() {
        return current().signer();
    }

    /** The public keys that verify tokens (the JWKS). */
    public JWKSet publicKeys() {
        return current().publicKeys();
    }

    /** Keys matching a verification request; an unknown kid triggers one early reload. */
    List<JWK> select(JWKSelector selector) throws KeySourceException {
        try {
            List<JWK> found = selector.select(current().publicKeys());
            if (found.isEmpty() && imported.isEmpty() && !selector.getMatcher().getKeyIDs().isEmpty()) {
                Instant now = clock.instant();
                if (Duration.between(lastForcedReload, now).compareTo(FORCED_RELOAD_MIN_GAP) >= 0) {
                    lastForcedReload = now;
                    found = selector.select(reload().publicKeys());
                }
            }
            return found;
        } catch (RuntimeException e) {
            throw new KeySourceException("signing keys unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && (!imported.isEmpty() || clock.instant().isBefore(s.loadedAt().plus(RELOAD_EVERY)))) {
            return s;
        }
        try {
            return reload();
        } catch (RuntimeException e) {
            if (s == null) {
                throw e;
            }
            log.warn("cannot re-read signing_keys, keeping the keys loaded at {}: {}", s.loadedAt(),
                    e.getClass().getSimpleName());
            return s;
        }
    }

    private synchronized Snapshot reload() {
        Instant now = clock.instant();
        List<SigningKeyRepository.StoredKey> stored = repository.findVerifying(now);
        if (stored.stream().noneMatch(k -> k.retiredAt() == null)) {
            createDevelopmentKey();
            stored = repository.findVerifying(clock.instant());
        }
        ECKey signer = null;
        List<JWK> publics = new ArrayList<>();
        for (SigningKeyRepository.StoredKey key : stored) {
            try {
                publics.add(ECKey.parse(key.publicJwk()));
                if (signer == null && key.retiredAt() == null && key.privateJwk() != null) {
                    signer = ECKey.parse(key.privateJwk());
                }
            } catch (ParseException e) {
                throw new IllegalStateException("signing key " + key.kid() + " is not a valid JWK", e);
            }
        }
        if (signer == null) {
            throw new IllegalStateException("no active signing key with a private part in signing_keys");
        }
        Snapshot s = new Snapshot(signer, new JWKSet(publics), now);
        snapshot = s;
        return s;
    }

    private void createDevelopmentKey() {
        // Under SERIALIZABLE two replicas racing here conflict and one retries, finding the other's key.
        transactions.run(() -> {
            if (!repository.anyActive()) {
                insertNewKey();
            }
        });
    }

    /** Whether keys can be rotated here (database keys) rather than through JWT_SIGNING_KEYS. */
    boolean rotatable() {
        return imported.isEmpty();
    }

    /**
     * Retires the active key and starts signing with a new one. The retired key stays in the JWKS for
     * {@code keepVerifying} (at least the access-token lifetime), so tokens it signed stay valid until they expire.
     * Other replicas pick the new key up when they first meet its kid. Returns the new kid.
     */
    synchronized String rotate(Duration keepVerifying) {
        if (!rotatable()) {
            throw new IllegalStateException("keys come from JWT_SIGNING_KEYS");
        }
        String kid = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            repository.retireActive(now, now.plus(keepVerifying));
            return insertNewKey();
        });
        reload();
        return kid;
    }

    private String insertNewKey() {
        try {
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            String kid = generated.computeThumbprint().toString();
            ECKey key = new ECKey.Builder(generated).keyID(kid).build();
            repository.insertDevelopmentKey(kid, key.toPublicJWK().toJSONString(), key.toJSONString(),
                    clock.instant());
            log.info("generated a JWT signing key kid={} and stored it in signing_keys", kid);
            return kid;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }
}
