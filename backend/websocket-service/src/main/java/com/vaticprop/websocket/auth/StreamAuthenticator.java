package com.vaticprop.websocket.auth;

import com.vaticprop.platform.security.JwtVerification;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Both ways into a connection, verified against core-service's JWKS (ES256/RS256 only, so {@code alg:none} and HMAC
 * tokens never verify): a single-use ws-ticket from the URL, or an access token in an {@code auth} frame. The access
 * token path reuses the platform's verifier, which refuses tickets; the ticket path is its mirror image (it requires
 * {@code typ=ws-ticket} and a {@code jti}), so neither credential can stand in for the other.
 */
public final class StreamAuthenticator {

    static final String SESSION_EXP_CLAIM = "sessionExp";
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final JwtDecoder accessTokens;
    private final JwtDecoder tickets;
    private final TicketRedemption redemption;
    private final Clock clock;

    public StreamAuthenticator(String jwksUrl, TicketRedemption redemption, Clock clock) {
        this(JwtVerification.accessTokenDecoder(jwksUrl), ticketDecoder(jwksUrl), redemption, clock);
    }

    StreamAuthenticator(JwtDecoder accessTokens, JwtDecoder tickets, TicketRedemption redemption, Clock clock) {
        this.accessTokens = accessTokens;
        this.tickets = tickets;
        this.redemption = redemption;
        this.clock = clock;
    }

    /** Verifies and redeems a ticket; a second redemption of the same ticket fails on any replica. */
    public StreamPrincipal ticket(String ticket) throws AuthenticationFailedException {
        Jwt jwt = decode(tickets, ticket);
        Instant now = clock.instant();
        if (!redemption.redeem(jwt.getId(), jwt.getExpiresAt(), now)) {
            throw new AuthenticationFailedException("ticket-reused");
        }
        Object sessionExp = jwt.getClaims().get(SESSION_EXP_CLAIM);
        Instant expires = sessionExp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : jwt.getExpiresAt();
        if (!expires.isAfter(now)) {
            throw new AuthenticationFailedException("session-expired");
        }
        return principal(jwt, expires);
    }

    public StreamPrincipal accessToken(String token) throws AuthenticationFailedException {
        Jwt jwt = decode(accessTokens, token);
        return principal(jwt, jwt.getExpiresAt());
    }

    private static Jwt decode(JwtDecoder decoder, String token) throws AuthenticationFailedException {
        if (token == null || token.isBlank() || token.length() > 8192) {
            throw new AuthenticationFailedException("missing");
        }
        try {
            return decoder.decode(token);
        } catch (JwtException e) {
            throw new AuthenticationFailedException("invalid");
        }
    }

    private static StreamPrincipal principal(Jwt jwt, Instant expires) throws AuthenticationFailedException {
        if (expires == null) {
            throw new AuthenticationFailedException("no-expiry");
        }
        List<String> roles = jwt.getClaimAsStringList(JwtVerification.ROLES_CLAIM);
        Set<String> roleSet = roles == null ? Set.of() : Set.copyOf(new HashSet<>(roles));
        return new StreamPrincipal(jwt.getSubject(), roleSet, expires);
    }

    /** The ticket verifier: the access-token rules with the {@code typ} check inverted, plus a required jti. */
    static JwtDecoder ticketDecoder(String jwksUrl) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl)
                .jwsAlgorithms(algs -> {
                    algs.add(SignatureAlgorithm.ES256);
                    algs.add(SignatureAlgorithm.RS256);
                })
                .build();
        decoder.setJwtValidator(ticketValidator());
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> ticketValidator() {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(SKEW),
                JwtVerification.issuedAtNotInTheFuture(SKEW),
                claim(jwt -> JwtVerification.ISSUER.equals(jwt.getClaimAsString(JwtClaimNames.ISS)), "wrong issuer"),
                claim(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(JwtVerification.AUDIENCE),
                        "wrong audience"),
                claim(jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank(), "no subject"),
                claim(jwt -> jwt.getExpiresAt() != null, "no expiry"),
                claim(jwt -> jwt.getId() != null && !jwt.getId().isBlank(), "no jti"),
                claim(jwt -> JwtVerification.WS_TICKET_TYPE.equals(jwt.getClaimAsString(JwtVerification.TYPE_CLAIM)),
                        "not a WebSocket ticket")));
    }

    private static OAuth2TokenValidator<Jwt> claim(Predicate<Jwt> test, String description) {
        return jwt -> test.test(jwt) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
