package com.vaticprop.marketdata.venue.connection;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small RFC 6455 server on loopback for connector tests: it accepts upgrades (or refuses them with an HTTP status
 * chosen by the test), records what the client sends, and lets the test push text, ping frames, fragments, go
 * silent or drop the TCP connection, which is what the venues do to us. Written by hand so each test controls every
 * frame; no venue code is involved.
 */
public final class LocalWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private volatile Function<Handshake, Integer> admission = h -> 101;
    private final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();

    public LocalWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** The opening request as the server saw it. */
    public record Handshake(String method, String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Decides each upgrade: 101 accepts, anything else is answered with that HTTP status and closed. */
    public void admission(Function<Handshake, Integer> decide) {
        this.admission = decide;
    }

    public Session nextSession(Duration timeout) throws InterruptedException {
        Session session = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (session == null) {
            throw new AssertionError("no WebSocket connection within " + timeout);
        }
        return session;
    }

    public Handshake nextHandshake(Duration timeout) throws InterruptedException {
        Handshake handshake = handshakes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (handshake == null) {
            throw new AssertionError("no handshake within " + timeout);
        }
        return handshake;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.drop();
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> handle(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            String requestLine = readLine(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String[] parts = requestLine.split(" ");
            Handshake handshake = new Handshake(parts[0], parts[1], headers);
            handshakes.add(handshake);
            int status = admission.apply(handshake);
            OutputStream out = socket.getOutputStream();
            if (status != 101) {
                out.write(("HTTP/1.1 " + status + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.close();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Session session = new Session(socket, handshake);
            sessions.add(session);
            session.readLoop();
        } catch (Exception e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** One accepted client connection. */
    public static final class Session {
        private final Socket socket;
        private final Handshake handshake;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        Session(Socket socket, Handshake handshake) {
            this.socket = socket;
            this.handshake = handshake;
        }

        public Handshake handshake() {
            return handshake;
        }

        /** The next text message the client sent. */
        public String nextText(Duration timeout) throws InterruptedException {
            String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("client sent no text within " + timeout);
            }
            return text;
        }

        public String pollText(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public String nextPong(Duration timeout) throws InterruptedException {
            String pong = pongs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (pong == null) {
                throw new AssertionError("client sent no pong within " + timeout);
            }
            return pong;
        }

        public boolean isClosed() {
            return closed;
        }

        public void sendText(String text) throws IOException {
            frame(0x81, text.getBytes(StandardCharsets.UTF_8));
        }

        /** One text message split into two frames (continuation), as venues may send large messages. */
        public void sendFragmented(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int half = bytes.length / 2;
            frame(0x01, java.util.Arrays.copyOfRange(bytes, 0, half));
            frame(0x80, java.util.Arrays.copyOfRange(bytes, half, bytes.length));
        }

        public void sendPing(String payload) throws IOException {
            frame(0x89, payload.getBytes(StandardCharsets.UTF_8));
        }

        /** Ends the TCP connection without a close frame, like a venue restart or a network cut. */
        public void drop() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        private synchronized void frame(int first, byte[] payload) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(first);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xff);
            } else {
                out.write(127);
                for (int i = 7; i >= 0; i--) {
                    out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
                }
            }
            out.write(payload);
            out.flush();
        }

        void readLoop() throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try {
                while (!closed) {
                    int first = in.readUnsignedByte();
                    int second = in.readUnsignedByte();
                    long length = second & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((second & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = first & 0x0f;
                    boolean fin = (first & 0x80) != 0;
                    switch (opcode) {
                        case 0x1, 0x0 -> {
                            message.write(payload);
                            if (fin) {
                                received.add(message.toString(StandardCharsets.UTF_8));
                                message.reset();
                            }
                        }
                        case 0x8 -> {
                            frame(0x88, payload);
                            drop();
                        }
                        case 0x9 -> frame(0x8A, payload);
                        case 0xA -> pongs.add(new String(payload, StandardCharsets.UTF_8));
                        default -> {
                        }
                    }
                }
            } finally {
                closed = true;
            }
        }
    }
}
