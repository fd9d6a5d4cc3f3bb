package com.vaticprop.platform.web;

import com.vaticprop.platform.json.VaticJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** Writes a problem straight to the servlet response, for filters that answer before MVC is reached. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                             String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(VaticJson.mapper().writeValueAsString(problem));
        response.getWriter().flush();
    }
}
