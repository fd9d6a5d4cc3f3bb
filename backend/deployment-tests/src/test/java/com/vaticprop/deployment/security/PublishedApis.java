package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Every operation of the five services, read from their live {@code /openapi} documents. */
final class PublishedApis {

    private PublishedApis() {
    }

    static List<ApiOperation> all(LiveApi api) {
        List<ApiOperation> all = new ArrayList<>();
        for (ServiceKind service : ServiceKind.values()) {
            HttpResponse<String> doc = api.call(service, "GET", "/openapi", null, null);
            all.addAll(ApiOperation.of(service, LiveApi.ok(doc)));
        }
        return all;
    }
}
