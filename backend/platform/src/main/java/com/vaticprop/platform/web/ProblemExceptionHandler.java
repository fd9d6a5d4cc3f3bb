package com.vaticprop.platform.web;

import com.vaticprop.platform.jdbc.CommitOutcomeUnknownException;
import com.vaticprop.platform.jdbc.SqlStates;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * Every error a controller can raise becomes {@code application/problem+json}: validation errors list their fields,
 * malformed JSON is a 400 that says where, and anything unexpected is a 500 whose body says nothing about internals
 * (the exception is logged with an id the client can quote).
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemExceptionHandler::fieldError).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?"
                                : r.getMethodParameter().getParameterName(),
                        "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // a chunked body that outgrew the limit is cut off while the JSON parser reads it: still a 413, not a 400
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON for this endpoint."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send the body as " + (ex.getSupportedMediaTypes().isEmpty() ? "application/json"
                        : ex.getSupportedMediaTypes().get(0)) + ".");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such endpoint."));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        // the same answer as an unknown route without a token (ProblemAuthenticationEntryPoint)
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such endpoint."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @ExceptionHandler(ApiProblemException.class)
    public ResponseEntity<Object> apiProblem(ApiProblemException ex) {
        ProblemDetail problem = Problems.of(ex.status(), ex.type(), ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        ResponseEntity<Object> response = problem(problem);
        if (ex.headers().isEmpty()) {
            return response;
        }
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.putAll(response.getHeaders());
        ex.headers().forEach(headers::set);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<Object> tooLarge(PayloadTooLargeException ex) {
        return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", ex.getMessage()));
    }

    /** Method-level security (@PreAuthorize) throws inside MVC, past the security filter's own handlers. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(org.springframework.security.access.AccessDeniedException ex) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this."));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    public ResponseEntity<Object> unauthenticated(org.springframework.security.core.AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid access token is required."));
    }

    /**
     * The database refused for a while — serialization conflicts still there after the retries, no pooled connection
     * within the pool's timeout, the server away: a 503 with Retry-After, not a 500. The transaction was rolled
     * back, so nothing changed and the client may simply try again.
     */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    public ResponseEntity<Object> databaseBusy(Exception ex) {
        log.warn("database busy or unreachable: {}", ex.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-busy",
                        "The service is busy; nothing was changed. Please try again in a moment."));
    }

    /**
     * The database went away inside a transaction. When the statement failed and then so did the rollback (the
     * connection was cut: PostgreSQL stopped, a failover), nothing was committed — the same 503 as above. When the
     * commit itself lost its connection, the outcome is unknown: still a 503 (the client should retry, and an order's
     * Idempotency-Key makes that safe), but saying so rather than "nothing was changed". Any other transaction
     * failure is a bug and stays a 500.
     */
    @ExceptionHandler(org.springframework.transaction.TransactionSystemException.class)
    public ResponseEntity<Object> transactionFailed(org.springframework.transaction.TransactionSystemException ex) {
        Throwable application = ex.getApplicationException();
        if (application instanceof org.springframework.dao.TransientDataAccessException
                || application instanceof org.springframework.dao.DataAccessResourceFailureException) {
            return databaseBusy(ex);
        }
        if (application == null && SqlStates.connectionLost(ex)) {
            return outcomeUnknown(ex);
        }
        return unexpected(ex);
    }

    /**
     * A commit that lost its connection after the work was done ({@link CommitOutcomeUnknownException}, raised by
     * {@code Transactions}): 503, but not "nothing was changed" — it may have been saved.
     */
    @ExceptionHandler(CommitOutcomeUnknownException.class)
    public ResponseEntity<Object> outcomeUnknown(Exception ex) {
        log.warn("database connection lost during a commit: {}", ex.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The database connection was lost while saving, so the outcome is unknown. Retry with "
                                + "the same Idempotency-Key (it will not be applied twice), or read the "
                                + "resource to see whether it was saved."));
    }


    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex) {
        if (ex.getCause() instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        if (undecodableParameters(ex)) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The query string or form body cannot be decoded (invalid percent-encoding or UTF-8)."));
        }
        String errorId = java.util.UUID.randomUUID().toString();
        log.error("unhandled error {}", errorId, ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "An internal error occurred; quote error id " + errorId + ".");
        problem.setProperty("errorId", errorId);
        return problem(problem);
    }

    /**
     * Tomcat 11 throws {@code InvalidParameterException} from {@code getParameter} when the query string or a form
     * body has undecodable bytes ({@code %FF}, {@code %%}, a bare {@code =}): the client's mistake, a 400 — it was a
     * 500 on every service (found by deployment-tests' HTTP fuzzer). Matched by name: platform does not compile
     * against Tomcat.
     */
    private static boolean undecodableParameters(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        // Spring 7 leaves a framework problem's type null (it was about:blank before)
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
