package com.vaticprop.websocket.support;

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
 * Stands in for core-service's identity: an ES256 key served as a JWKS over local HTTP, and tickets and access
 * tokens shaped as core issues them — plus the broken ones (expired, foreign key, {@code alg:none}).
 */
public final class TestIdentity implements AutoCloseable {

    private final ECKey key;
    private final ECKey foreignKey;
    private final HttpServer server;

    public TestIdentity() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("core-key").generate();
            foreignKey = new ECKeyGenerator(Curve.P_256).keyID("core-key").generate();
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

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
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

    public String accessToken(String userId, Instant expires, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("vatic-prop-core").audience("vatic-prop")
                .subject(userId).issueTime(new Date()).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(roles)).build();
        return sign(claims, key);
    }

    private String ticket(String userId, Instant expires, Instant sessionExp, ECKey signer, String... roles) {
        return sign(ticketClaims(userId, expires, sessionExp, List.of(roles)), signer);
    }

    private static JWTClaimsSet ticketClaims(String userId, Instant expires, Instant sessionExp, List<String> roles) {
        return new JWTClaimsSet.Builder().issuer("vatic-prop-core").audience("vatic-prop").subject(userId)
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
