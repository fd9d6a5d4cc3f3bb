package com.vaticprop.marketdata.venue.connection;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.VenueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One venue WebSocket kept alive for as long as it is started: connects, sends the protocol's subscriptions after
 * every connect, answers the venue's keepalive convention, and reconnects with jittered exponential backoff when the
 * socket closes, fails, or goes silent for longer than the watchdog allows.
 *
 * <p>Frames of one socket reach the protocol one at a time, under one lock, and frames of a socket that has since
 * been replaced are ignored (each connect has a generation number), so the protocol's state needs no locking of its
 * own. Server ping frames are answered with a pong carrying the same payload by the JDK client itself, which is what
 * Binance and Kalshi require. Outbound messages go through a queue drained under the venue's rate limit.
 */
public final class WebSocketConnection implements VenueControl {
    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

    private volatile com.vaticprop.marketdata.replay.FrameRecorder recorder;
    private final String name;
    private final ConnectionSettings settings;
    private final VenueProtocol protocol;
    private final VenueCounters counters;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final OutboundRateLimiter limiter;
    private final ConcurrentLinkedQueue<String> outbound = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();

    private HttpClient client;
    private TickSink sink;
    private WebSocket socket;
    private long generation;
    private boolean running;
    private boolean drainScheduled;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> keepalive;
    private volatile String state = "STOPPED";
    private volatile Instant lastMessageAt;
    private volatile String lastError;

    public WebSocketConnection(String name, ConnectionSettings settings, VenueProtocol protocol,
                               VenueCounters counters, Clock clock, ScheduledExecutorService scheduler,
                               Backoff backoff) {
        this.name = name;
        this.settings = settings;
        this.protocol = protocol;
        this.counters = counters;
        this.clock = clock;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.limiter = new OutboundRateLimiter(clock, settings.sendPerSecond(), settings.sendBurst());
    }

    public void start(TickSink tickSink) {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            sink = tickSink;
            client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
            long period = Math.max(10, settings.silenceTimeout().toMillis() / 4);
            watchdog = scheduler.scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
            if (protocol.keepaliveText().isPresent()) {
                long every = settings.keepaliveInterval().toMillis();
                keepalive = scheduler.scheduleAtFixedRate(this::sendKeepalive, every, every, TimeUnit.MILLISECONDS);
            }
            connect();
        }
    }

    public void stop() {
        WebSocket toClose;
        HttpClient toShut;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            generation++;
            state = "STOPPED";
            toClose = socket;
            socket = null;
            toShut = client;
            client = null;
            cancel(watchdog);
            cancel(keepalive);
            outbound.clear();
        }
        if (toClose != null) {
            toClose.abort();
        }
        if (toShut != null) {
            toShut.shutdownNow();
        }
    }

    public String state() {
        return state;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    /** The last connection failure (handshake status, I/O error), for operators. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void send(String message) {
        outbound.add(message);
        scheduleDrain(0);
    }

    @Override
    public void reconnect(String reason) {
        long gen;
        synchronized (lock) {
            gen = generation;
        }
        disconnected(gen, reason);
    }

    private void connect() {
        long gen;
        HttpClient http;
        synchronized (lock) {
            if (!running) {
                return;
            }
            gen = ++generation;
            state = lastMessageAt == null && counters.get(VenueCounters.RECONNECTS) == 0 ? "CONNECTING" : "RECONNECTING";
            http = client;
        }
        try {
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout());
            protocol.handshakeHeaders(clock.instant()).forEach(builder::header);
            builder.buildAsync(settings.uri(), new Listener(gen)).whenComplete((ws, error) -> {
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof WebSocketHandshakeException handshake) {
                        counters.increment(VenueCounters.HANDSHAKE_FAILURES);
                        failed(gen, "handshake refused: HTTP " + handshake.getResponse().statusCode());
                    } else {
                        failed(gen, "connect failed: " + cause);
                    }
                }
            });
        } catch (RuntimeException e) {
            failed(gen, "connect failed: " + e);
        }
    }

    private void opened(long gen, WebSocket ws) {
        synchronized (lock) {
            if (gen != generation || !running) {
                ws.abort();
                return;
            }
            socket = ws;
            state = "CONNECTED";
            lastMessageAt = clock.instant();
            outbound.clear();
            protocol.onConnected(this);
            protocol.subscribeMessages().forEach(outbound::add);
        }
        log.info("{}: connected to {}", name, settings.uri());
        scheduleDrain(0);
    }

    /** Frames received from now on are also recorded, in the venue's wire format, before they are parsed. */
    public void recordTo(com.vaticprop.marketdata.replay.FrameRecorder recorder) {
        this.recorder = recorder;
    }

    private void frame(long gen, String text) {
        synchronized (lock) {
            if (gen != generation || !running) {
                return;
            }
            Instant now = clock.instant();
            com.vaticprop.marketdata.replay.FrameRecorder r = recorder;
            if (r != null) {
                r.record(name, now, text);
            }
            lastMessageAt = now;
            counters.increment(VenueCounters.MESSAGES);
            backoff.reset();
            try {
                protocol.onText(text, now, sink);
            } catch (RuntimeException e) {
                counters.increment(VenueCounters.PARSE_ERRORS);
                log.debug("{}: frame skipped: {}", name, e.toString());
            }
        }
    }

    private void touched(long gen) {
        synchronized (lock) {
            if (gen == generation) {
                lastMessageAt = clock.instant();
            }
        }
    }

    private void failed(long gen, String reason) {
        disconnected(gen, reason);
    }

    private void disconnected(long gen, String reason) {
        WebSocket old;
        Duration delay;
        synchronized (lock) {
            if (gen != generation || !running) {
                return;
            }
            generation++;
            old = socket;
            socket = null;
            state = "RECONNECTING";
            lastError = reason;
            counters.increment(VenueCounters.RECONNECTS);
            delay = backoff.next();
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.warn("{}: {}; reconnecting in {} ms", name, reason, delay.toMillis());
        if (old != null) {
            old.abort();
        }
    }

    private void checkSilence() {
        long gen;
        synchronized (lock) {
            if (!running || socket == null || lastMessageAt == null) {
                return;
            }
            Duration silent = Duration.between(lastMessageAt, clock.instant());
            if (silent.compareTo(settings.silenceTimeout()) <= 0) {
                return;
            }
            gen = generation;
            counters.increment(VenueCounters.WATCHDOG_RECONNECTS);
        }
        disconnected(gen, "silent for longer than " + settings.silenceTimeout().toMillis() + " ms");
    }

    private void sendKeepalive() {
        Optional<String> text = protocol.keepaliveText();
        synchronized (lock) {
            if (socket == null || text.isEmpty()) {
                return;
            }
        }
        send(text.get());
    }

    private void scheduleDrain(long delayMillis) {
        synchronized (lock) {
            if (drainScheduled || !running) {
                return;
            }
            drainScheduled = true;
        }
        scheduler.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends queued messages one at a time (the JDK socket allows one outstanding send) within the rate limit. */
    private void drain() {
        while (true) {
            WebSocket ws;
            synchronized (lock) {
                ws = socket;
                if (ws == null || outbound.isEmpty()) {
                    drainScheduled = false;
                    return;
                }
            }
            long wait = limiter.tryAcquire();
            if (wait > 0) {
                synchronized (lock) {
                    drainScheduled = false;
                }
                scheduleDrain(wait);
                return;
            }
            String message = outbound.poll();
            if (message == null) {
                continue;
            }
            try {
                ws.sendText(message, true).get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                synchronized (lock) {
                    drainScheduled = false;
                }
                log.debug("{}: send failed: {}", name, e.toString());
                return;
            }
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    /** Reassembles fragmented text and hands complete frames over; pings and pongs only count as life. */
    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            opened(gen, webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                frame(gen, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                counters.increment(VenueCounters.UNKNOWN_FRAMES);
            }
            touched(gen);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            touched(gen);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            touched(gen);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            disconnected(gen, "closed by venue: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            disconnected(gen, "socket error: " + error);
        }
    }
}
