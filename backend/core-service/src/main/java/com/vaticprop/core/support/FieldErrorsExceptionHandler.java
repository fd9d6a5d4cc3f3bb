package com.vaticprop.core.support;

import com.vaticprop.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FieldErrorsException} → 400, the same body as the platform's bean-validation problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FieldErrorsExceptionHandler {

    @ExceptionHandler(FieldErrorsException.class)
    ResponseEntity<ProblemDetail> fieldErrors(FieldErrorsException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, String>> errors = e.errors().stream().map(f -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", f.path());
            error.put("message", f.message());
            return error;
        }).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
