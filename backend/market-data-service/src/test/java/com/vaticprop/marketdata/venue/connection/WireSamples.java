package com.vaticprop.marketdata.venue.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The venue samples of shared/reference (market-wire-samples.md, more-wire-samples.md), copied byte for byte into
 * src/test/resources/venue: the compacted one-line forms where the reference gives them, else the block as quoted.
 */
public final class WireSamples {
    private WireSamples() {
    }

    public static String load(String name) {
        try (InputStream in = WireSamples.class.getResourceAsStream("/venue/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
