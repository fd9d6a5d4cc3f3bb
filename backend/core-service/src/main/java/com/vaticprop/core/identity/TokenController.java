package com.vaticprop.core.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Service tokens (OAuth 2.0 client credentials, RFC 6749 §4.4) and WebSocket tickets. */
@RestController
@Tag(name = "identity")
class TokenController {

    record ServiceTokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "ServiceTokenResponse[***]";
        }
    }

    record WsTicketResponse(String ticket, Instant expiresAt) {
        @Override
        public String toString() {
            return "WsTicketResponse[***]";
        }
    }

    private final AccessTokens tokens;
    private final ServiceClients clients;

    TokenController(AccessTokens tokens, ServiceClients clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    @PostMapping(value = "/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Client credentials → a SERVICE access token (HTTP Basic or client_id/client_secret fields)")
    ServiceTokenResponse token(@RequestParam(name = "grant_type", required = false) String grantType,
                               @RequestParam(name = "client_id", required = false) String clientId,
                               @RequestParam(name = "client_secret", required = false) String clientSecret,
                               HttpServletRequest request) {
        if (!"client_credentials".equals(grantType)) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "unsupported-grant-type",
                    "grant_type must be client_credentials.");
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    clientSecret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                clientId = null;
            }
        }
        String client = clients.authenticate(clientId, clientSecret).orElseThrow(() ->
                new ApiProblemException(HttpStatus.UNAUTHORIZED, "invalid-client",
                        "Unknown client or wrong secret."));
        AccessTokens.Issued issued = tokens.issueServiceToken(client);
        return new ServiceTokenResponse(issued.token(), "Bearer", tokens.ttl().toSeconds());
    }

    @PostMapping("/auth/ws-ticket")
    @Operation(summary = "A single-use 30 s ticket for opening the WebSocket (/ws?ticket=…)")
    WsTicketResponse wsTicket(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Instant sessionExpires = jwt.getExpiresAt();
        AccessTokens.Issued ticket = tokens.issueWsTicket(jwt.getSubject(), roles == null ? List.of() : roles,
                sessionExpires == null ? Instant.now() : sessionExpires);
        return new WsTicketResponse(ticket.token(), ticket.expiresAt());
    }
}
