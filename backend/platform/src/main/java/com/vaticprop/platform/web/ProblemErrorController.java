package com.vaticprop.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (raised in filters or by the container) still answer with
 * problem+json and never with a stack trace or the container's HTML page.
 *
 * <p>{@code /error} is also an ordinary, public path: a client may request it directly. That request carries no
 * error of the container's, so it is answered as the unknown path it is for a client (404), not as a failure of
 * ours (500 — found by the access-control matrix of deployment-tests).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (exception instanceof Throwable t && (t instanceof PayloadTooLargeException
                || t.getCause() instanceof PayloadTooLargeException)) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        String detail = status.is5xxServerError() ? "An internal error occurred." : status.getReasonPhrase() + ".";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, status == HttpStatus.NOT_FOUND ? "not-found" : "http-" + status.value(),
                        detail));
    }
}
