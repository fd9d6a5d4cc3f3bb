package com.vaticprop.core.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One row of {@code admin_audit}. {@code before} and {@code after} are the JSON texts exactly as hashed.
 * {@link #computeHash()} is the chain link: SHA-256 over every field and the previous entry's hash.
 */
public record AuditEntry(long seq, UUID id, Instant at, UUID actor, String action, String subject, String before,
                         String after, String reason, String prevHash, String hash) {

    public String computeHash() {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[]{seq, id, at, actor, action, subject, before, after, reason, prevHash}) {
            // a unit separator between fields and a NUL for null keep different entries from hashing alike
            text.append(field == null ? "\u0000" : field.toString()).append('\u001f');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
