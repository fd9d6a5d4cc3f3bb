package com.vaticprop.report.api;

import com.vaticprop.platform.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who reads a report: a trader sees only their own assessments; ADMIN sees all, and so does SERVICE (other services
 * fetching a report on a user's behalf). A trader token whose subject is not a user id sees nothing.
 */
record Reader(UUID userId, boolean admin, boolean service) {

    static Reader of(Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        UUID user;
        try {
            user = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            user = null;
        }
        return new Reader(user, roles.contains(Role.ADMIN.authority()), roles.contains(Role.SERVICE.authority()));
    }

    boolean maySee(UUID owner) {
        return admin || service || owner.equals(userId);
    }
}
