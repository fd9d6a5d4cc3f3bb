package com.vaticprop.core.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/login}. */
record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=***, password=***]";
    }
}
