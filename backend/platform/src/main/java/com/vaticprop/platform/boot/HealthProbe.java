package com.vaticprop.platform.boot;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's {@code HEALTHCHECK}: {@code GET http://127.0.0.1:$PORT/health}, exit 0 on 200, else 1.
 *
 * <p>Why a Java class and not curl: the slim JRE base image has no curl or wget, and adding one only for this would
 * grow the image and its CVE surface. The class sits in the platform jar, which every image already carries, so the
 * check is {@code java -cp '/app/snapshot-dependencies/BOOT-INF/lib/*' com.vaticprop.platform.boot.HealthProbe}.
 * It uses {@link HttpURLConnection} (no HttpClient thread pool) so the probe JVM starts and ends in well under a
 * second.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8080");
        System.exit(check(URI.create("http://127.0.0.1:" + port + "/health"), 2_000) ? 0 : 1);
    }

    /** True when the URI answers 200 within the timeout. */
    public static boolean check(URI uri, int timeoutMillis) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setRequestProperty("User-Agent", "vatic-healthcheck");
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
