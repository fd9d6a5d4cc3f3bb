package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;

import java.nio.charset.StandardCharsets;

/**
 * One generated request: where it goes, as whom, what is wrong with it ({@code flaw}), and whether the server must
 * refuse it ({@code mustReject}: a state-changing request with a flaw no lenient parser can read past).
 */
record FuzzCase(int index, ServiceKind service, String method, String pathAndQuery, Actor actor, String contentType,
                byte[] body, String flaw, boolean mustReject) {

    /** For a failure message: enough to rerun the request by hand. */
    String describe() {
        String shown = body == null ? "(no body)" : body.length > 300
                ? new String(body, 0, 300, StandardCharsets.UTF_8) + "… (" + body.length + " bytes)"
                : new String(body, StandardCharsets.UTF_8);
        return "#" + index + " " + actor + " " + method + " " + service.serviceName() + pathAndQuery + " ["
                + contentType + "] " + flaw + ": " + shown;
    }
}
