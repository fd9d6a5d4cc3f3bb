package com.vaticprop.platform.security;

import com.vaticprop.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.List;

/**
 * 401 and 403 as problem+json. An unauthenticated request for a route that does not exist gets 404, as it would
 * with a token, so clients and API explorers see one consistent answer for unknown routes.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final List<HandlerMapping> handlerMappings;

    public ProblemAuthenticationEntryPoint(List<HandlerMapping> handlerMappings) {
        this.handlerMappings = handlerMappings;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!routeExists(request)) {
            ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "not-found", "No such endpoint.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "A valid access token is required (Authorization: Bearer …).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow this.");
    }

    private boolean routeExists(HttpServletRequest request) {
        for (HandlerMapping mapping : handlerMappings) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null) {
                    return true;
                }
            } catch (Exception e) {
                return true;
            }
        }
        return false;
    }
}
