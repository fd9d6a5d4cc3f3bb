package com.vaticprop.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import java.time.Duration;
import java.util.List;

/**
 * Verification of core-service's access tokens against its JWKS: ES256 or RS256 signatures, issuer
 * {@code vatic-prop-core}, audience {@code vatic-prop}, expiry with a small clock skew. WebSocket tickets are signed
 * by the same keys but are not access tokens, so a token with {@code typ=ws-ticket} is refused here.
 */
public final class JwtVerification {

    public static final String ISSUER = "vatic-prop-core";
    public static final String AUDIENCE = "vatic-prop";
    public static final String ROLES_CLAIM = "roles";
    public static final String TYPE_CLAIM = "typ";
    public static final String WS_TICKET_TYPE = "ws-ticket";

    private JwtVerification() {
    }

    public static JwtDecoder accessTokenDecoder(String jwksUrl) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl)
                .jwsAlgorithms(algs -> {
                    algs.add(SignatureAlgorithm.ES256);
                    algs.add(SignatureAlgorithm.RS256);
                })
                .build();
        decoder.setJwtValidator(accessTokenValidator());
        return decoder;
    }

    public static OAuth2TokenValidator<Jwt> accessTokenValidator() {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(Duration.ofSeconds(30)),
                issuedAtNotInTheFuture(Duration.ofSeconds(30)),
                // read as a plain string: getIssuer() insists on a URL and throws (a 500) for "vatic-prop-core"
                claim(JwtClaimNames.ISS, jwt -> ISSUER.equals(jwt.getClaimAsString(JwtClaimNames.ISS)),
                        "wrong issuer"),
                claim(JwtClaimNames.AUD, jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE),
                        "wrong audience"),
                claim(JwtClaimNames.SUB, jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank(),
                        "no subject"),
                claim(TYPE_CLAIM, jwt -> !WS_TICKET_TYPE.equals(jwt.getClaimAsString(TYPE_CLAIM)),
                        "a WebSocket ticket is not an access token")));
    }

    /**
     * {@code iat} no later than now + skew: {@link JwtTimestampValidator} checks only {@code exp} and {@code nbf}, so
     * a token "issued" tomorrow was accepted (found by deployment-tests' JwtAttackTest). Core never issues one; a
     * token that claims it was minted by a clock (or a key holder) that cannot be trusted.
     */
    public static OAuth2TokenValidator<Jwt> issuedAtNotInTheFuture(Duration skew) {
        // not Spring's JwtIssuedAtValidator: that one (made for DPoP proofs) also refuses an iat older than the skew
        return jwt -> jwt.getIssuedAt() == null || !jwt.getIssuedAt().isAfter(java.time.Instant.now().plus(skew))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "issued in the future (iat)",
                null));
    }

    private static OAuth2TokenValidator<Jwt> claim(String name, java.util.function.Predicate<Jwt> test,
                                                   String description) {
        return jwt -> test.test(jwt) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description + " (" + name + ")",
                null));
    }

    /** Maps the {@code roles} claim to {@code ROLE_*} authorities. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
