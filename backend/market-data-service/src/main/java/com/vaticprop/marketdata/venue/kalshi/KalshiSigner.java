package com.vaticprop.marketdata.venue.kalshi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kalshi's request signature: base64 of RSA-PSS (SHA-256, MGF1 SHA-256, salt length 32 = the digest length) over
 * {@code timestampMillis + METHOD + path} (path without query), sent as KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP
 * and KALSHI-ACCESS-SIGNATURE. The WebSocket handshake signs {@code GET /trade-api/ws/v2} with a fresh timestamp at
 * every connect. Keys come as PEM: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY", what Kalshi's key page
 * downloads), the latter wrapped into PKCS#8 here so no extra crypto library is needed.
 */
public final class KalshiSigner {
    public static final String KEY_HEADER = "KALSHI-ACCESS-KEY";
    public static final String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";
    public static final String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final String keyId;
    private final PrivateKey key;

    public KalshiSigner(String keyId, PrivateKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    public static KalshiSigner fromPem(String keyId, String pem) {
        return new KalshiSigner(keyId, readPrivateKey(pem));
    }

    /** The three headers for a request made at {@code now}. */
    public Map<String, String> headers(Instant now, String method, String path) {
        String timestamp = Long.toString(now.toEpochMilli());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, keyId);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, sign(timestamp + method + path));
        return headers;
    }

    String sign(String message) {
        try {
            Signature signature = pss();
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the Kalshi request", e);
        }
    }

    /** RSASSA-PSS with Kalshi's parameters (also used by tests to verify). */
    public static Signature pss() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return signature;
    }

    public static PrivateKey readPrivateKey(String pem) {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PEM form", e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[]{0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[]{(byte) n};
        }
        if (n < 0x100) {
            return new byte[]{(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[]{(byte) 0x82, (byte) (n >>> 8), (byte) n};
        }
        return new byte[]{(byte) 0x83, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
