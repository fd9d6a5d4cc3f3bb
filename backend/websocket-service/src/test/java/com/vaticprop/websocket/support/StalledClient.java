package com.vaticprop.websocket.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that stops reading after the handshake: the way a frozen browser tab looks to the server.
 * Written on a bare socket with a tiny receive buffer, so TCP back-pressure reaches the server quickly (the JDK
 * client buffers on its own and would hide it).
 */
public final class StalledClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    public StalledClient(int port, String pathAndQuery) {
        try {
            socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            out = socket.getOutputStream();
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readResponseHead(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one masked text frame (clients must mask). */
    public void sendText(String text) {
        send(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers the server's heartbeat without reading: an unsolicited pong every 100 ms (RFC 6455 allows them), so
     * only the send queue can give this client away.
     */
    public void keepAlive() {
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    send(0x8A, new byte[0]);
                    Thread.sleep(100);
                } catch (RuntimeException | InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts reading at last: skips every frame up to the server's close frame and returns its code. */
    public int readCloseCode() {
        try {
            socket.setSoTimeout(10_000);
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                int len = in.readUnsignedByte() & 0x7F;
                long length = len == 126 ? in.readUnsignedShort() : len == 127 ? in.readLong() : len;
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void send(int firstByte, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readResponseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                String status = head.toString(StandardCharsets.US_ASCII);
                if (!status.startsWith("HTTP/1.1 101")) {
                    throw new IOException("upgrade refused: " + status.lines().findFirst().orElse(""));
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone
        }
    }
}
