package com.vaticprop.marketdata.venue.kalshi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class KalshiSignerTest {
    public static final KeyPair KEYS = generate();

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pkcs8Pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Verifies a Kalshi signature as the venue does. */
    public static boolean verifies(KeyPair keys, String timestamp, String method, String path, String signature) {
        try {
            Signature verifier = KalshiSigner.pss();
            verifier.initVerify(keys.getPublic());
            verifier.update((timestamp + method + path).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void headersCarryAVerifiablePssSignatureOverTimestampMethodAndPath() {
        KalshiSigner signer = KalshiSigner.fromPem("key-id-1", pkcs8Pem(KEYS));
        Instant now = Instant.parse("2026-11-25T12:00:00.123Z");
        Map<String, String> headers = signer.headers(now, "GET", "/trade-api/ws/v2");
        assertThat(headers).containsEntry("KALSHI-ACCESS-KEY", "key-id-1")
                .containsEntry("KALSHI-ACCESS-TIMESTAMP", "1795608000123");
        assertThat(verifies(KEYS, "1795608000123", "GET", "/trade-api/ws/v2",
                headers.get("KALSHI-ACCESS-SIGNATURE"))).isTrue();
        assertThat(verifies(KEYS, "1795608000124", "GET", "/trade-api/ws/v2",
                headers.get("KALSHI-ACCESS-SIGNATURE"))).isFalse();
        assertThat(verifies(generate(), "1795608000123", "GET", "/trade-api/ws/v2",
                headers.get("KALSHI-ACCESS-SIGNATURE"))).isFalse();
    }

    @Test
    void readsPkcs1PemAsKalshiDownloadsIt() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        // PKCS#8 ends with the OCTET STRING holding the PKCS#1 key; for a 2048-bit key its header is 04 82 LL LL
        int at = -1;
        for (int i = 20; i < 40; i++) {
            if (pkcs8[i] == 0x04 && pkcs8[i + 1] == (byte) 0x82) {
                at = i;
                break;
            }
        }
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, at + 4, pkcs8.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----";
        assertThat(KalshiSigner.readPrivateKey(pem).getEncoded()).isEqualTo(pkcs8);
    }
}
