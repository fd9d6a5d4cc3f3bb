package com.vaticprop.marketdata.api;

import com.vaticprop.marketdata.feed.FeedSources;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operators: the state of every feed source (enabled or not), with its counters. */
@RestController
@Tag(name = "admin")
class FeedAdminController {

    /** One source as the admin endpoint shows it. */
    record FeedView(String source, boolean enabled, FeedStatus status) {
    }

    private final FeedSources sources;

    FeedAdminController(FeedSources sources) {
        this.sources = sources;
    }

    @GetMapping("/admin/feeds")
    @Operation(summary = "ADMIN: every feed source, whether it runs, its state, last message, reconnects, counters")
    List<FeedView> feeds(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt == null ? null : jwt.getClaimAsStringList("roles");
        if (roles == null || !roles.contains(Role.ADMIN.name())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
        return sources.entries().stream()
                .map(e -> new FeedView(e.source().name(), e.enabled(), e.source().status())).toList();
    }
}
