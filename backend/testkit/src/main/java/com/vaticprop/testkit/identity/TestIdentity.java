package com.vaticprop.testkit.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for core-service's identity in another service's tests: an ES256 key served as a JWKS over local HTTP
 * ({@link #jwksUrl()}, for {@code CORE_JWKS_URL}), and access tokens and WebSocket tickets signed with it the way
 * core issues them ({@code iss}, {@code aud}, {@code roles}; tickets also {@code typ}, {@code sessionExp}) — plus
 * the broken ones (foreign key, {@code alg: none}).
 */
public final class TestIdentity implements AutoCloseable {

    private static final String ISSUER = "vatic-prop-core";
    private static final String AUDIENCE = "vatic-prop";
    private static final String KEY_ID = "core-key";

    private final ECKey key;
    private final ECKey foreignKey;
    private final HttpServer server;

    public TestIdentity() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
            foreignKey = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    /**
     * One instance for the whole test JVM, never closed: for a URL that cached Spring contexts keep pointing at
     * after the test class that first started them has finished.
     */
    public static TestIdentity shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        private static final TestIdentity INSTANCE = new TestIdentity();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** An access token for a fresh random user, valid 10 min. */
    public String accessToken(String... roles) {
        return accessToken(UUID.randomUUID(), roles);
    }

    /** An access token for {@code subject}, valid 10 min. */
    public String accessToken(UUID subject, String... roles) {
        return accessToken(subject.toString(), Instant.now().plusSeconds(600), roles);
    }

    public String accessToken(String userId, Instant expires, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .subject(userId).issueTime(new Date()).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(roles)).build();
        return sign(claims, key);
    }

    /** A ticket as {@code POST /auth/ws-ticket} returns it: valid 30 s, session 10 min. */
    public String ticket(String userId, String... roles) {
        Instant now = Instant.now();
        return ticket(userId, now.plusSeconds(30), now.plusSeconds(600), key, roles);
    }

    public String ticket(String userId, Instant expires, Instant sessionExp, String... roles) {
        return ticket(userId, expires, sessionExp, key, roles);
    }

    /** A well-formed ticket signed by a key the JWKS does not hold (same kid). */
    public String ticketWithWrongSignature(String userId) {
        Instant now = Instant.now();
        return ticket(userId, now.plusSeconds(30), now.plusSeconds(600), foreignKey, "TRADER");
    }

    /** The ticket's claims, unsigned ({@code alg: none}). */
    public String unsignedTicket(String userId) {
        return new PlainJWT(ticketClaims(userId, Instant.now().plusSeconds(30), Instant.now().plusSeconds(600),
                List.of("TRADER"))).serialize();
    }

    private String ticket(String userId, Instant expires, Instant sessionExp, ECKey signer, String... roles) {
        return sign(ticketClaims(userId, expires, sessionExp, List.of(roles)), signer);
    }

    private static JWTClaimsSet ticketClaims(String userId, Instant expires, Instant sessionExp, List<String> roles) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(userId)
                .claim("typ", "ws-ticket").claim("roles", roles).claim("sessionExp", sessionExp.getEpochSecond())
                .issueTime(new Date()).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(JWTClaimsSet claims, ECKey signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
