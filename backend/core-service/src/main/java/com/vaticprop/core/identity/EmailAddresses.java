package com.vaticprop.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses are stored normalised — trimmed, Unicode NFC, lower case — so that {@code Ann@Example.com} and
 * {@code ann@example.com } are one account. (The local part is case-sensitive in theory; no mail provider we expect
 * treats it so, and two accounts differing by case would be a support and phishing hazard.)
 */
final class EmailAddresses {

    static final String PATTERN = "^\\s*[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+\\s*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private EmailAddresses() {
    }

    static String normalise(String email) {
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static boolean valid(String email) {
        return email != null && email.length() <= 254 && VALID.matcher(email).matches();
    }
}
