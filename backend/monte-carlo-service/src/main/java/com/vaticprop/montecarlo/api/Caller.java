package com.vaticprop.montecarlo.api;

import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.UUID;

/**
 * Who calls: the token's subject and whether it may see every simulation (ADMIN, or SERVICE for report-service and
 * friends). Traders see only their own.
 */
public record Caller(String subject, UUID userId, boolean privileged) {

    public static Caller of(Authentication auth) {
        boolean privileged = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.SERVICE.authority()));
        UUID user = null;
        try {
            user = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            if (!privileged) {
                throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden",
                        "The token's subject is not a user id.");
            }
        }
        return new Caller(auth.getName(), user, privileged);
    }

    public boolean maySee(UUID owner) {
        return privileged || owner.equals(userId);
    }
}
