package com.vaticprop.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Thrown by application code to answer with a specific problem (e.g. 409 for a state conflict); its message is
 * shown to the client, so it must not contain internals.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ApiProblemException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }
}
