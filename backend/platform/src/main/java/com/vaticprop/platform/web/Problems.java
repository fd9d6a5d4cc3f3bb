package com.vaticprop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The platform's RFC 9457 problems: a {@code type} URI per kind of problem, so clients branch on {@code type} rather
 * than parse {@code detail}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://vaticprop.com/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        return problem;
    }
}
