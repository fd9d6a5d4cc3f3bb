package com.vaticprop.deployment.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens made outside core-service: one valid in every respect (signed with core's real key, to prove the
 * forgery machinery and the endpoint work) and the attack set, each wrong in exactly one way.
 */
final class ForgedTokens {

    private static final Duration BEYOND_SKEW = Duration.ofMinutes(10); // the verifiers allow 30 s of clock skew

    private final ECKey coreKey;
    private final ECKey strangerKey;

    ForgedTokens(ECKey coreKey) {
        this.coreKey = coreKey;
        try {
            this.strangerKey = new ECKeyGenerator(Curve.P_256).keyID("unknown-kid").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as core issues them, for {@code subject} with {@code roles}, valid for 10 minutes. */
    static JWTClaimsSet.Builder claims(UUID subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("vatic-prop-core").audience("vatic-prop").subject(subject.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(roles));
    }

    /** A token core could have issued: the control case. */
    String valid(UUID subject, String... roles) {
        return sign(claims(subject, roles).build(), coreKey, coreKey.getKeyID());
    }

    /** Each attack by name; every one must be refused with 401. */
    Map<String, String> attacks(UUID subject, String... roles) {
        Instant now = Instant.now();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", new PlainJWT(claims(subject, roles).build()).serialize());
        attacks.put("alg none, kid of core's key", algNoneWithKid(claims(subject, roles).build()));
        byte[] der = publicKeyDer();
        attacks.put("HS256 keyed with the public key (DER)", hmac(claims(subject, roles).build(), der));
        attacks.put("HS256 keyed with the public key (PEM)", hmac(claims(subject, roles).build(),
                pem(der).getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 keyed with the public key (JWK JSON)", hmac(claims(subject, roles).build(),
                coreKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        attacks.put("expired", sign(claims(subject, roles).issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(now.minus(BEYOND_SKEW))).build(), coreKey, coreKey.getKeyID()));
        attacks.put("not yet valid (nbf in the future)", sign(claims(subject, roles)
                .notBeforeTime(Date.from(now.plus(BEYOND_SKEW))).build(), coreKey, coreKey.getKeyID()));
        attacks.put("issued in the future (iat)", sign(claims(subject, roles)
                .issueTime(Date.from(now.plus(BEYOND_SKEW)))
                .expirationTime(Date.from(now.plus(BEYOND_SKEW).plus(Duration.ofMinutes(10)))).build(),
                coreKey, coreKey.getKeyID()));
        attacks.put("wrong audience", sign(claims(subject, roles).audience("another-app").build(), coreKey,
                coreKey.getKeyID()));
        attacks.put("no audience", sign(claims(subject, roles).audience((String) null).build(), coreKey,
                coreKey.getKeyID()));
        attacks.put("wrong issuer", sign(claims(subject, roles).issuer("https://evil.example").build(), coreKey,
                coreKey.getKeyID()));
        attacks.put("unknown kid", sign(claims(subject, roles).build(), strangerKey, strangerKey.getKeyID()));
        attacks.put("core's kid, another key", sign(claims(subject, roles).build(), strangerKey,
                coreKey.getKeyID()));
        attacks.put("no kid, another key", sign(claims(subject, roles).build(), strangerKey, null));
        attacks.put("tampered payload (roles raised to ADMIN)", tamper(valid(subject, "TRADER")));
        attacks.put("signature stripped", stripSignature(valid(subject, roles)));
        attacks.put("garbage", "not.a.jwt");
        attacks.put("garbage (random base64)", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        return attacks;
    }

    private static String sign(JWTClaimsSet claims, ECKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(JWTClaimsSet claims, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(coreKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String algNoneWithKid(JWTClaimsSet claims) {
        String header = "{\"alg\":\"none\",\"kid\":\"" + coreKey.getKeyID() + "\",\"typ\":\"JWT\"}";
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.toString()
                .getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private byte[] publicKeyDer() {
        try {
            return coreKey.toECPublicKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"TRADER\"", "\"ADMIN\"");
        return parts[0] + "." + b64(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
