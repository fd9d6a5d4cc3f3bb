package com.vaticprop.core.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/login}. */
record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "is required") @Size(max = 1024, message = "is too long") String password,
        @Size(max = 16, message = "is too long") String totpCode,
        @Size(max = 32, message = "is too long") String recoveryCode) {

    LoginRequest(String email, String password) {
        this(email, password, null, null);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=***, password=***, totpCode=***, recoveryCode=***]";
    }
}
