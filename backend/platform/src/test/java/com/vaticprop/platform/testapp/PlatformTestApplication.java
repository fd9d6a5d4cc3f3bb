package com.vaticprop.platform.testapp;

import com.vaticprop.platform.web.ApiProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A minimal service built on the platform (as market-data-service, which has no database), with a few endpoints
 * that exercise the platform's error handling and security.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
public class PlatformTestApplication {

    public record OrderRequest(@NotBlank String instrument, @NotNull @Positive BigDecimal qty,
                               @Size(max = 10) String note) {
    }

    @RestController
    static class TestController {

        @PostMapping(value = "/api/orders", consumes = "application/json")
        Map<String, Object> place(@Valid @RequestBody OrderRequest order, Authentication auth) {
            return Map.of("instrument", order.instrument(), "qty", order.qty(), "user", auth.getName());
        }

        @GetMapping("/api/me")
        Map<String, Object> me(Authentication auth) {
            return Map.of("user", auth.getName(),
                    "roles", auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
        }

        /** Reads a query parameter, so that the container parses the query string. */
        @GetMapping("/api/echo")
        Map<String, Object> echo(@org.springframework.web.bind.annotation.RequestParam(required = false) String q) {
            return Map.of("q", q == null ? "" : q);
        }

        @GetMapping("/api/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internal detail: password=hunter2");
        }

        /** What @PreAuthorize raises for a trader on an admin route: thrown inside MVC, past the filter chain. */
        @GetMapping("/api/admin-only")
        Map<String, Object> adminOnly() {
            throw new org.springframework.security.access.AccessDeniedException("not an admin");
        }

        /** What a transaction raises once its serialization retries are spent. */
        @GetMapping("/api/busy")
        Map<String, Object> busy() {
            throw new org.springframework.dao.CannotAcquireLockException("could not serialize access");
        }

        /** What the pool raises when no connection frees up in time. */
        @GetMapping("/api/no-connection")
        Map<String, Object> noConnection() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }

        /**
         * What Spring raises when the database went away mid-transaction: the statement failed on the cut connection
         * and so did the rollback (PostgreSQL stopped under load).
         */
        @GetMapping("/api/cut-connection")
        Map<String, Object> cutConnection() {
            var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed");
            rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                    "terminating connection due to administrator command"));
            throw rollback;
        }

        /** A commit whose connection was cut: it may or may not have been applied. */
        @GetMapping("/api/commit-lost")
        Map<String, Object> commitLost() {
            throw new org.springframework.transaction.TransactionSystemException("Could not commit JDBC transaction",
                    new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }

        /** What {@code Transactions} raises when the commit after completed work lost its connection. */
        @GetMapping("/api/commit-outcome-unknown")
        Map<String, Object> commitOutcomeUnknown() {
            throw new com.vaticprop.platform.jdbc.CommitOutcomeUnknownException(
                    new org.springframework.dao.DataAccessResourceFailureException("terminating connection"));
        }

        /** A transaction failure that is not the database being away stays a 500. */
        @GetMapping("/api/commit-refused")
        Map<String, Object> commitRefused() {
            throw new org.springframework.transaction.TransactionSystemException("Could not commit",
                    new IllegalStateException("a bug"));
        }

        @GetMapping("/api/conflict")
        Map<String, Object> conflict() {
            throw new ApiProblemException(HttpStatus.CONFLICT, "assessment-not-active", "The assessment is paused.");
        }
    }
}
