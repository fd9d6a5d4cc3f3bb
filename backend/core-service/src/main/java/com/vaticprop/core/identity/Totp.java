package com.vaticprop.core.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 TOTP with the parameters every authenticator app uses: HMAC-SHA1, 30-second steps from the Unix epoch,
 * 6 digits (RFC 4226 dynamic truncation). Verification accepts the current step and one on either side (clock skew,
 * RFC 6238 section 5.2) and only steps after the last accepted one, so an observed code cannot be replayed.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new 160-bit secret (RFC 4226's recommended length), base32. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return Base32.encode(secret);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a time step. */
    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String code(String base32Secret, Instant at) {
        return code(base32Secret, step(at));
    }

    /**
     * The step the code belongs to, if it is valid now (±1 step) and later than {@code lastAcceptedStep}; compared in
     * constant time.
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now, long lastAcceptedStep) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong accepted = OptionalLong.empty();
        for (long s = current - 1; s <= current + 1; s++) {
            byte[] expected = code(base32Secret, s).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && s > lastAcceptedStep && accepted.isEmpty()) {
                accepted = OptionalLong.of(s);
            }
        }
        return accepted;
    }

    /** The {@code otpauth://} URI authenticator apps read from a QR code. */
    public static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
