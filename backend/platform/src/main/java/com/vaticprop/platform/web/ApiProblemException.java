package com.vaticprop.platform.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by application code to answer with a specific problem (e.g. 409 for a state conflict); its message is
 * shown to the client, so it must not contain internals.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

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

    /** Adds a member to the problem body (e.g. the pre-trade check that refused an order). */
    public ApiProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header (e.g. {@code Retry-After} on a 429). */
    public ApiProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
