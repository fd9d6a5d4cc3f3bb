package com.vaticprop.platform.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every HTTP request runs inside a trace: the caller's {@code traceparent} (Istio's sidecar, a front end, another
 * service) continued with a span of our own, or a new trace. The response names it in {@code traceparent}, so a
 * client reporting a failure can quote the id that finds its log lines, outbox rows and Kafka records.
 */
public final class TraceFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext context = TraceContext.parse(request.getHeader(TraceContext.HEADER))
                .map(TraceContext::child).orElseGet(TraceContext::newTrace);
        response.setHeader(TraceContext.HEADER, context.traceparent());
        try (TraceContext.Scope ignored = context.open()) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
