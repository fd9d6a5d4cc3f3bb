package com.vaticprop.core.web;

import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling, from the access token: a user id and whether they are an admin. Traders act on their own data only;
 * service clients (SERVICE tokens) have no user id and are refused by endpoints that act for a user.
 */
public record Caller(UUID userId, boolean admin) {

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt == null ? null : jwt.getClaimAsStringList("roles");
        boolean admin = roles != null && roles.contains(Role.ADMIN.name());
        boolean trader = roles != null && roles.contains(Role.TRADER.name());
        if (admin || trader) {
            try {
                return new Caller(UUID.fromString(jwt.getSubject()), admin);
            } catch (IllegalArgumentException e) {
                // falls through
            }
        }
        throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "This endpoint acts for a trader or an admin.");
    }

    public static Caller admin(Jwt jwt) {
        Caller caller = of(jwt);
        if (!caller.admin) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
        return caller;
    }

    /** True if the caller may see data owned by {@code owner}. */
    public boolean mayAccess(UUID owner) {
        return admin || userId.equals(owner);
    }
}
