package com.vaticprop.platform.tracing;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;

/**
 * For service-to-service calls made with Spring's {@code RestClient}/{@code RestTemplate} (report-service → core,
 * monte-carlo): {@code builder.requestInterceptor(new TraceparentRequestInterceptor())} sends the current trace, so
 * the callee's {@link TraceFilter} continues it instead of starting a new one.
 */
public final class TraceparentRequestInterceptor implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        TraceContext.current().ifPresent(t -> request.getHeaders().set(TraceContext.HEADER, t.traceparent()));
        return execution.execute(request, body);
    }
}
