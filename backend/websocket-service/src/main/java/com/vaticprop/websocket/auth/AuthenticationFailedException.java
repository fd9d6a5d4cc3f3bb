package com.vaticprop.websocket.auth;

/** A ticket or token that does not authenticate; the reason is a metric tag and a log word, never the token. */
public final class AuthenticationFailedException extends Exception {

    private final String reason;

    public AuthenticationFailedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
