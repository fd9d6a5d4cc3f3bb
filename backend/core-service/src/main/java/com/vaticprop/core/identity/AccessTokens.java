package com.vaticprop.core.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.vaticprop.platform.security.JwtVerification;
import com.vaticprop.platform.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues ES256 access tokens: {@code iss}, {@code aud}, {@code sub} = user id, {@code roles}, {@code jti}. */
public final class AccessTokens {

    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    public static final Duration WS_TICKET_TTL = Duration.ofSeconds(30);

    private final KeyRing keys;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(KeyRing keys, Clock clock, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    public Issued issue(UUID subject, List<Role> roles) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtVerification.ISSUER)
                .audience(JwtVerification.AUDIENCE)
                .subject(subject.toString())
                .claim(JwtVerification.ROLES_CLAIM, roles.stream().map(Role::name).toList())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new Issued(sign(claims), expires);
    }

    /**
     * A WebSocket ticket (CONTRACTS.md "Identity"): {@code typ=ws-ticket}, {@code jti} (made single-use by
     * websocket-service), {@code sub}, {@code roles}, {@code exp} = now + 30 s, {@code sessionExp} = the expiry of the
     * access token it was exchanged for. Access-token verification refuses it.
     */
    public Issued issueWsTicket(String subject, List<String> roles, Instant sessionExpiresAt) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(WS_TICKET_TTL);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtVerification.ISSUER)
                .audience(JwtVerification.AUDIENCE)
                .subject(subject)
                .claim(JwtVerification.TYPE_CLAIM, JwtVerification.WS_TICKET_TYPE)
                .claim(JwtVerification.ROLES_CLAIM, roles)
                .claim("sessionExp", sessionExpiresAt.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new Issued(sign(claims), expires);
    }

    /** A service token (client credentials): {@code sub} = the client id, {@code roles} = [SERVICE]. */
    public Issued issueServiceToken(String clientId) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtVerification.ISSUER)
                .audience(JwtVerification.AUDIENCE)
                .subject(clientId)
                .claim(JwtVerification.ROLES_CLAIM, List.of(Role.SERVICE.name()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new Issued(sign(claims), expires);
    }

    /** Signs any claims with the active key (also used by tests to build deliberately invalid tokens). */
    String sign(JWTClaimsSet claims) {
        ECKey key = keys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }
}
