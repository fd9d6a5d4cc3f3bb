package com.vaticprop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports for servers that cannot pick their own. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A free port below the kernel's ephemeral range, for a server that starts later: a port from the ephemeral
     * range could meanwhile become the local port of some outgoing connection and be taken.
     */
    public static int belowEphemeralRange() {
        int low = 32768;
        try {
            // a /proc file reports size 0, so read it line by line (readString returns a truncated value there)
            String range = java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
            low = Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: keep the common default
        }
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int port = random.nextInt(10_000, Math.max(10_001, low));
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        return any();
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
