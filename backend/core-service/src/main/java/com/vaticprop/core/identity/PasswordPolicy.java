package com.vaticprop.core.identity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy of registration (NIST SP 800-63B style: length over composition rules): 12 to 128 characters,
 * at least 5 different characters, not a well-known password, not containing the e-mail's local part. Violations are
 * reported on the {@code password} field; the password itself never appears in a message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordPolicy.Validator.class)
@interface PasswordPolicy {

    int MIN_LENGTH = 12;
    int MAX_LENGTH = 128;

    String message() default "does not meet the password policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PasswordPolicy, RegisterRequest> {

        private static final Set<String> COMMON = Set.of("password1234", "password12345", "123456789012",
                "1234567890123", "qwertyuiopas", "qwerty123456", "passwordpassword", "iloveyou1234",
                "letmein12345", "welcome12345", "administrator", "changeme1234", "abcdefghijkl", "aaaaaaaaaaaa");

        @Override
        public boolean isValid(RegisterRequest request, ConstraintValidatorContext context) {
            String problem = problem(request.password(), request.email());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("password").addConstraintViolation();
            return false;
        }

        static String problem(String password, String email) {
            if (password == null || password.isEmpty()) {
                return "is required";
            }
            int length = password.codePointCount(0, password.length());
            if (length < MIN_LENGTH) {
                return "must be at least " + MIN_LENGTH + " characters long";
            }
            if (length > MAX_LENGTH) {
                return "must be at most " + MAX_LENGTH + " characters long";
            }
            if (password.codePoints().distinct().count() < 5) {
                return "must contain at least 5 different characters";
            }
            String lower = password.toLowerCase(Locale.ROOT);
            if (COMMON.contains(lower)) {
                return "is a well-known password";
            }
            if (email != null && email.contains("@")) {
                String normalised = email.trim().toLowerCase(Locale.ROOT);
                String local = normalised.substring(0, normalised.indexOf('@'));
                if (local.length() >= 4 && lower.contains(local)) {
                    return "must not contain your e-mail address";
                }
            }
            return null;
        }
    }
}
