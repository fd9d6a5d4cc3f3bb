package com.vaticprop.montecarlo.api;

import com.vaticprop.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the (createdAt, id) of the last row of a page. Stable under inserts (new simulations land
 * before the first page, never inside a later one), unlike offsets.
 */
record PageCursor(Instant createdAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String s) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("\\|");
            return new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid-cursor",
                    "The cursor is not one this API returned.");
        }
    }
}
