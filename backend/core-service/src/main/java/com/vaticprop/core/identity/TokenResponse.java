package com.vaticprop.core.identity;

import java.time.Instant;

/** The answer of login and refresh. */
record TokenResponse(String tokenType, String accessToken, long expiresIn, Instant accessTokenExpiresAt,
                     String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}
