package com.vaticprop.core.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/refresh} and {@code POST /auth/logout}. */
record RefreshRequest(@NotBlank(message = "is required") @Size(max = 512, message = "is too long") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
