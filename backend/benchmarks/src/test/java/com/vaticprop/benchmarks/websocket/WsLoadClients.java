package com.vaticprop.benchmarks.websocket;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket client connections on a few selector threads — the load side of the harness. The JDK's
 * {@code HttpClient} WebSocket costs a few hundred KB and several objects per frame per connection, which on the same
 * 2-core machine would measure the client rather than the server; this speaks just enough RFC 6455 (upgrade, masked
 * client frames, unmasked server frames, ping → pong, close) and reads frames without building strings.
 *
 * <p>Every {@code event} frame is counted by channel kind ({@code assessment:}, {@code market:}, the baseline's
 * {@code bench}); its latency is now minus the {@code "lt<epoch micros>"} marker the producer put into its data
 * (the Kafka record's create time, or the baseline broadcaster's clock), recorded while {@link #recording} is on.
 */
final class WsLoadClients implements AutoCloseable {

    enum Kind { ASSESSMENT, MARKET, BENCH, OTHER }

    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicInteger handshakeFailures = new AtomicInteger();
    final AtomicInteger subscribed = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    private final Map<Integer, AtomicInteger> closeCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();
    /** Assessment events whose offset skipped ahead of, or fell back behind, the connection's previous one. */
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    private volatile boolean recording;
    private static final byte[] OFFSET_KEY = "\"offset\":\"".getBytes(StandardCharsets.US_ASCII);

    WsLoadClients(int threads) {
        loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new Loop(i);
        }
    }

    /** Opens one connection to {@code pathAndQuery}; {@code afterOpen} text frames go out once it is upgraded. */
    void open(InetSocketAddress server, String pathAndQuery, List<String> afterOpen) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.connect(server);
        Loop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        loop.pending.add(new Conn(ch, handshake(server, pathAndQuery), afterOpen));
        loop.selector.wakeup();
    }

    void recording(boolean on) {
        if (on) {
            for (Loop l : loops) {
                l.resetRequested = true;
            }
        }
        recording = on;
    }

    /** The window's figures, summed over the selector threads. */
    Window window() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        long[] counts = new long[Kind.values().length];
        for (Loop l : loops) {
            synchronized (l.latency) {
                h.add(l.latency);
            }
            for (int k = 0; k < counts.length; k++) {
                counts[k] += l.counts[k].get();
            }
        }
        return new Window(h, counts);
    }

    Map<Integer, Integer> closeCodes() {
        Map<Integer, Integer> out = new TreeMap<>();
        closeCodes.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    Map<String, Integer> errors() {
        Map<String, Integer> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Closes every connection (a close frame, then the socket) and stops the threads. */
    @Override
    public void close() {
        for (Loop l : loops) {
            l.stop();
        }
    }

    record Window(Histogram latencyMicros, long[] counts) {
        long count(Kind k) {
            return counts[k.ordinal()];
        }

        long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }
    }

    private static byte[] handshake(InetSocketAddress server, String pathAndQuery) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One client connection's state; touched only by its loop's thread. */
    private static final class Conn {
        final SocketChannel ch;
        final byte[] request;
        final List<String> afterOpen;
        ByteBuffer in = ByteBuffer.allocate(2048);
        boolean upgraded;
        boolean closed;
        long lastOffset;

        Conn(SocketChannel ch, byte[] request, List<String> afterOpen) {
            this.ch = ch;
            this.request = request;
            this.afterOpen = afterOpen;
        }
    }

    private final class Loop implements Runnable {
        final Selector selector;
        final Queue<Conn> pending = new ConcurrentLinkedQueue<>();
        final Histogram latency = new Histogram(3_600_000_000L, 3);
        final AtomicLong[] counts = new AtomicLong[Kind.values().length];
        final Thread thread;
        final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        volatile boolean resetRequested;
        volatile boolean running = true;

        Loop(int i) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int k = 0; k < counts.length; k++) {
                counts[k] = new AtomicLong();
            }
            thread = Thread.ofPlatform().name("ws-load-" + i).daemon(true).start(this);
        }

        void stop() {
            running = false;
            selector.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(50);
                    Conn c;
                    while ((c = pending.poll()) != null) {
                        c.ch.register(selector, SelectionKey.OP_CONNECT, c);
                    }
                    if (resetRequested) {
                        resetRequested = false;
                        synchronized (latency) {
                            latency.reset();
                        }
                        for (AtomicLong a : counts) {
                            a.set(0);
                        }
                    }
                    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        SelectionKey key = it.next();
                        it.remove();
                        Conn conn = (Conn) key.attachment();
                        try {
                            if (key.isValid() && key.isConnectable()) {
                                conn.ch.finishConnect();
                                write(conn, ByteBuffer.wrap(conn.request));
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isValid() && key.isReadable()) {
                                read(key, conn);
                            }
                        } catch (IOException e) {
                            fail(key, conn, "io: " + e.getClass().getSimpleName());
                        }
                    }
                } catch (IOException e) {
                    errors.computeIfAbsent("selector: " + e, x -> new AtomicInteger()).incrementAndGet();
                }
            }
            for (SelectionKey key : selector.keys()) {
                Conn conn = (Conn) key.attachment();
                try {
                    if (conn.upgraded && !conn.closed) {
                        sendFrame(conn, 0x8, new byte[]{0x03, (byte) 0xE8}); // 1000
                    }
                    conn.ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void fail(SelectionKey key, Conn conn, String why) {
            if (!conn.upgraded) {
                handshakeFailures.incrementAndGet();
            }
            errors.computeIfAbsent(why, x -> new AtomicInteger()).incrementAndGet();
            closeLocally(key, conn);
        }

        private void closeLocally(SelectionKey key, Conn conn) {
            if (!conn.closed) {
                conn.closed = true;
                if (conn.upgraded) {
                    open.decrementAndGet();
                }
            }
            key.cancel();
            try {
                conn.ch.close();
            } catch (IOException ignored) {
                // gone
            }
        }

        private void read(SelectionKey key, Conn conn) throws IOException {
            while (true) {
                if (!conn.in.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(conn.in.capacity() * 2);
                    conn.in.flip();
                    bigger.put(conn.in);
                    conn.in = bigger;
                }
                int n = conn.ch.read(conn.in);
                if (n < 0) {
                    if (!conn.closed) {
                        closeCodes.computeIfAbsent(-1, x -> new AtomicInteger()).incrementAndGet();
                    }
                    closeLocally(key, conn);
                    return;
                }
                if (n == 0) {
                    return;
                }
                conn.in.flip();
                if (!conn.upgraded && !upgrade(key, conn)) {
                    conn.in.compact();
                    if (conn.closed) {
                        return;
                    }
                    continue;
                }
                frames(key, conn);
                if (conn.closed) {
                    return;
                }
                conn.in.compact();
            }
        }

        /** Consumes the HTTP answer; false while it is incomplete (or refused: then the connection is closed). */
        private boolean upgrade(SelectionKey key, Conn conn) throws IOException {
            ByteBuffer b = conn.in;
            int end = -1;
            for (int i = b.position(); i + 3 < b.limit(); i++) {
                if (b.get(i) == '\r' && b.get(i + 1) == '\n' && b.get(i + 2) == '\r' && b.get(i + 3) == '\n') {
                    end = i + 4;
                    break;
                }
            }
            if (end < 0) {
                return false;
            }
            String status = new String(b.array(), b.position(), Math.min(12, end - b.position()),
                    StandardCharsets.US_ASCII);
            b.position(end);
            if (!status.startsWith("HTTP/1.1 101")) {
                fail(key, conn, "upgrade refused: " + status);
                return false;
            }
            conn.upgraded = true;
            handshakes.incrementAndGet();
            open.incrementAndGet();
            for (String f : conn.afterOpen) {
                sendFrame(conn, 0x1, f.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        }

        private void frames(SelectionKey key, Conn conn) throws IOException {
            ByteBuffer b = conn.in;
            byte[] a = b.array();
            while (b.remaining() >= 2) {
                int p = b.position();
                int opcode = a[p] & 0x0F;
                int len7 = a[p + 1] & 0x7F;
                int header = 2;
                long len = len7;
                if (len7 == 126) {
                    if (b.remaining() < 4) {
                        return;
                    }
                    len = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
                    header = 4;
                } else if (len7 == 127) {
                    if (b.remaining() < 10) {
                        return;
                    }
                    len = b.getLong(p + 2);
                    header = 10;
                }
                if (b.remaining() < header + len) {
                    if (header + len > b.capacity()) {
                        ByteBuffer bigger = ByteBuffer.allocate((int) (header + len) * 2);
                        bigger.put(b);
                        bigger.flip();
                        conn.in = bigger;
                        b = bigger;
                        a = b.array();
                    }
                    return;
                }
                int start = p + header;
                int length = (int) len;
                switch (opcode) {
                    case 0x1 -> text(conn, a, start, length);
                    case 0x9 -> {
                        byte[] payload = new byte[length];
                        System.arraycopy(a, start, payload, 0, length);
                        sendFrame(conn, 0xA, payload);
                    }
                    case 0x8 -> {
                        int code = length >= 2 ? ((a[start] & 0xFF) << 8) | (a[start + 1] & 0xFF) : 1005;
                        closeCodes.computeIfAbsent(code, x -> new AtomicInteger()).incrementAndGet();
                        try {
                            sendFrame(conn, 0x8, new byte[]{(byte) (code >> 8), (byte) code});
                        } catch (IOException ignored) {
                            // the server may have gone already
                        }
                        b.position(start + length);
                        closeLocally(key, conn);
                        return;
                    }
                    default -> {
                        // pong or continuation: not used by the server
                    }
                }
                b.position(start + length);
            }
        }

        private void text(Conn conn, byte[] a, int start, int length) {
            // {"op":"event","channel":"assessment:… — ServerFrames writes op first, then channel
            if (length > 26 && a[start + 7] == 'e' && a[start + 8] == 'v') {
                Kind kind = switch (a[start + 25]) {
                    case 'a' -> Kind.ASSESSMENT;
                    case 'm' -> Kind.MARKET;
                    case 'b' -> Kind.BENCH;
                    default -> Kind.OTHER;
                };
                counts[kind.ordinal()].incrementAndGet();
                if (kind == Kind.ASSESSMENT) {
                    order(conn, offset(a, start + 25, start + length));
                }
                long sentMicros = marker(a, start, start + length);
                if (sentMicros > 0 && recording) {
                    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    synchronized (latency) {
                        latency.recordValue(Math.max(0, Math.min(now - sentMicros, 3_600_000_000L)));
                    }
                }
                return;
            }
            if (length > 9 && a[start + 7] == 's' && a[start + 8] == 'u') {
                subscribed.incrementAndGet();
                return;
            }
            String frame = new String(a, start, Math.min(length, 120), StandardCharsets.UTF_8);
            String key = frame.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
            errors.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
        }

        /** Each connection's assessment offsets must go up by exactly one: count every break of that. */
        private void order(Conn conn, long offset) {
            if (offset < 0) {
                return;
            }
            if (conn.lastOffset > 0 && offset != conn.lastOffset + 1) {
                (offset <= conn.lastOffset ? duplicates : gaps).incrementAndGet();
            }
            conn.lastOffset = Math.max(conn.lastOffset, offset);
        }

        /** The digits of the first {@code "offset":"}, or -1 ({@code null} offsets). */
        private long offset(byte[] a, int from, int to) {
            byte[] key = OFFSET_KEY;
            outer:
            for (int i = from; i + key.length < to; i++) {
                for (int k = 0; k < key.length; k++) {
                    if (a[i + k] != key[k]) {
                        continue outer;
                    }
                }
                long v = 0;
                int j = i + key.length;
                if (j >= to || a[j] < '0' || a[j] > '9') {
                    return -1;
                }
                for (; j < to && a[j] >= '0' && a[j] <= '9'; j++) {
                    v = v * 10 + (a[j] - '0');
                }
                return v;
            }
            return -1;
        }

        /** The digits after the first {@code "lt}, or -1. */
        private long marker(byte[] a, int from, int to) {
            for (int i = from; i + 3 < to; i++) {
                if (a[i] == '"' && a[i + 1] == 'l' && a[i + 2] == 't' && a[i + 3] >= '0' && a[i + 3] <= '9') {
                    long v = 0;
                    for (int j = i + 3; j < to && a[j] >= '0' && a[j] <= '9'; j++) {
                        v = v * 10 + (a[j] - '0');
                    }
                    return v;
                }
            }
            return -1;
        }

        /** A masked client frame (RFC 6455 5.3); small frames only, written in full. */
        private void sendFrame(Conn conn, int opcode, byte[] payload) throws IOException {
            out.clear();
            out.put((byte) (0x80 | opcode));
            if (payload.length < 126) {
                out.put((byte) (0x80 | payload.length));
            } else {
                out.put((byte) (0x80 | 126));
                out.putShort((short) payload.length);
            }
            int mask = ThreadLocalRandom.current().nextInt();
            out.putInt(mask);
            for (int i = 0; i < payload.length; i++) {
                out.put((byte) (payload[i] ^ (mask >>> (8 * (3 - (i & 3))))));
            }
            out.flip();
            write(conn, out);
        }

        private void write(Conn conn, ByteBuffer buf) throws IOException {
            int spins = 0;
            while (buf.hasRemaining()) {
                if (conn.ch.write(buf) == 0 && ++spins > 10_000) {
                    throw new IOException("socket not writable");
                }
            }
        }
    }
}
