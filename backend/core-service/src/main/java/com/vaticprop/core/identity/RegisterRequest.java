package com.vaticprop.core.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/register}. */
@PasswordPolicy
record RegisterRequest(
        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most 254 characters")
        @Pattern(regexp = EmailAddresses.PATTERN, message = "must be a valid e-mail address")
        String email,
        String password,
        @Size(max = 100, message = "must be at most 100 characters")
        String displayName) {

    @Override
    public String toString() {
        return "RegisterRequest[email=***, password=***]";
    }
}
