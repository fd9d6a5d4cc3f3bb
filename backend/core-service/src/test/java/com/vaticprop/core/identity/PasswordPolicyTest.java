package com.vaticprop.core.identity;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private Set<String> invalidFields(String email, String password) {
        Set<ConstraintViolation<RegisterRequest>> violations = validator.validate(
                new RegisterRequest(email, password, null));
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(invalidFields("ann@example.com", "correct horse battery staple")).isEmpty();
    }

    @Test
    void refusesShortRepetitiveCommonAndPersonalPasswords() {
        assertThat(invalidFields("ann@example.com", "short1A!")).containsExactly("password");
        assertThat(invalidFields("ann@example.com", "aaaaaaaaaaaaaaaa")).containsExactly("password");
        assertThat(invalidFields("ann@example.com", "Password1234")).containsExactly("password");
        assertThat(invalidFields("annabelle@example.com", "xx-Annabelle-2024")).containsExactly("password");
        assertThat(invalidFields("ann@example.com", null)).containsExactly("password");
        assertThat(invalidFields("ann@example.com", "x".repeat(60) + "yzabc".repeat(14))).containsExactly("password");
    }

    @Test
    void emailMustLookLikeOne() {
        assertThat(invalidFields("not-an-email", "correct horse battery staple")).containsExactly("email");
        assertThat(invalidFields("a@b", "correct horse battery staple")).containsExactly("email");
        assertThat(EmailAddresses.normalise("  Ann@Example.COM ")).isEqualTo("ann@example.com");
    }
}
