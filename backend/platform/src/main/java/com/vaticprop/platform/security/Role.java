package com.vaticprop.platform.security;

/** The roles of the identity contract; a JWT lists them in its {@code roles} claim. */
public enum Role {
    TRADER, ADMIN, SERVICE;

    /** The Spring Security authority name, e.g. {@code ROLE_TRADER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
