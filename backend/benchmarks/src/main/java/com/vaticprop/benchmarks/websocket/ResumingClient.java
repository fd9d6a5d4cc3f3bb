package com.vaticprop.benchmarks.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebSocket client of the websocket-service kill scenario (issue 12): authenticates with an {@code auth} frame,
 * subscribes to its trader's {@code assessment:} channel and, whenever the connection ends (its instance was killed),
 * reconnects to the next URL of its client-side list and resubscribes with {@code since} = the last seq it saw — what
 * the service's README asks of a client. It keeps every seq it received (a bit set from the first one), so the verdict
 * can say afterwards whether anything between the first event and core's last seq was missed or came twice; and the
 * time from losing the connection to the {@code subscribed} answer on the other instance.
 *
 * <p>The JDK WebSocket calls a listener's methods one at a time per socket; the state is guarded by {@code this}
 * because the reconnect timer and the verdict read it from other threads.
 */
final class ResumingClient implements WebSocket.Listener {

    private static final Pattern OP = Pattern.compile("\"op\":\"([a-z]+)\"");
    private static final Pattern OFFSET = Pattern.compile("\"offset\":\"([0-9]+)\"");
    private static final Pattern RECOVERED = Pattern.compile("\"recovered\":(true|false)");

    final int id;
    final String assessmentId;
    private final String token;
    private final List<URI> urls;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private int urlIndex;
    private final StringBuilder partial = new StringBuilder();
    private final BitSet seen = new BitSet();
    private long first = -1;
    private long last = -1;
    private long duplicates;
    private long disconnects;
    private long resumes;
    private long notRecovered;
    /** Snapshots that followed a {@code recovered: false} answer (what the client reloads from). */
    private long snapshotsAfterNotRecovered;
    private boolean awaitingSnapshot;
    private long lostAtNanos;
    private long reconnectMillis = -1;
    private long errors;
    private String lastError = "";
    private boolean subscribed;
    private int failedAttempts;
    private volatile boolean stopping;
    private volatile WebSocket socket;

    ResumingClient(int id, String assessmentId, String token, List<URI> urls, int firstUrl, HttpClient http,
                   ScheduledExecutorService timer) {
        this.id = id;
        this.assessmentId = assessmentId;
        this.token = token;
        this.urls = urls;
        this.urlIndex = firstUrl;
        this.http = http;
        this.timer = timer;
    }

    synchronized URI url() {
        return urls.get(urlIndex);
    }

    void connect() {
        URI url = url();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(url, this)
                .whenComplete((ws, e) -> {
                    if (e != null) {
                        lost("connect: " + e.getClass().getSimpleName());
                    }
                });
    }

    @Override
    public void onOpen(WebSocket ws) {
        socket = ws;
        String subscribe = subscribeFrame();
        ws.sendText("{\"op\":\"auth\",\"token\":\"" + token + "\"}", true)
                .thenCompose(w -> w.sendText(subscribe, true));
        ws.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
        partial.append(data);
        if (lastPart) {
            frame(partial.toString());
            partial.setLength(0);
        }
        return null;
    }

    private synchronized void frame(String f) {
        String op = find(OP, f);
        if ("event".equals(op)) {
            String offset = find(OFFSET, f);
            boolean snapshotExpected = awaitingSnapshot;
            awaitingSnapshot = false;
            if (offset == null) {
                snapshotsAfterNotRecovered += snapshotExpected && f.contains("account-snapshot") ? 1 : 0;
                return; // account snapshots: no seq, never replayed
            }
            long seq = Long.parseLong(offset);
            if (first < 0) {
                first = seq;
            }
            if (seq < first) {
                return; // before this client's window (cannot happen: the stream is in seq order)
            }
            int bit = (int) (seq - first);
            if (seen.get(bit)) {
                duplicates++;
            }
            seen.set(bit);
            last = Math.max(last, seq);
        } else if ("subscribed".equals(op)) {
            String offset = find(OFFSET, f);
            if (first < 0 && offset != null) {
                // where the subscription stands: every seq above it is this client's to receive, and its resume
                // point until the first event comes (a resume without since could not prove anything)
                last = Long.parseLong(offset);
                first = last + 1;
            }
            if (lostAtNanos != 0) {
                resumes++;
                reconnectMillis = (System.nanoTime() - lostAtNanos) / 1_000_000;
                lostAtNanos = 0;
                if (!"true".equals(find(RECOVERED, f))) {
                    notRecovered++;
                    awaitingSnapshot = true;
                }
            }
            subscribed = true;
            failedAttempts = 0;
        } else if (!"pong".equals(op)) {
            errors++;
            lastError = f.length() > 160 ? f.substring(0, 160) : f;
            if (!subscribed && (f.contains("\"code\":4003") || f.contains("\"code\":1011"))) {
                // the instance has not learnt the owner yet, or could not ask Redis: the README says retry
                timer.schedule(this::resubscribe, 1, TimeUnit.SECONDS);
            }
        }
    }

    private void resubscribe() {
        WebSocket ws = socket;
        if (ws != null && !stopping) {
            ws.sendText(subscribeFrame(), true);
        }
    }

    private synchronized String subscribeFrame() {
        return "{\"op\":\"subscribe\",\"channel\":\"assessment:" + assessmentId + "\""
                + (last >= 0 ? ",\"since\":\"" + last + "\"" : "") + "}";
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        lost("close " + statusCode + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        lost("error: " + error.getClass().getSimpleName());
    }

    /**
     * The connection is gone (or could not be made): the next URL of the list, after 100 ms — 500 ms when the
     * previous attempt failed too, so that a refusing instance is not hammered by 1,000 clients.
     */
    private void lost(String why) {
        if (stopping) {
            return;
        }
        long delay;
        synchronized (this) {
            delay = subscribed ? 100 : 500;
            if (subscribed) {
                disconnects++;
                lostAtNanos = System.nanoTime();
            } else if (lostAtNanos == 0 && first >= 0) {
                lostAtNanos = System.nanoTime();
            }
            // a live connection lost → the next instance at once; a failed first attempt (an overloaded instance
            // timing out the upgrade or the 5 s auth) → the same one again, up to 3 times, so that the clients stay
            // spread over the instances as they were placed
            if (subscribed || ++failedAttempts >= 3) {
                urlIndex = (urlIndex + 1) % urls.size();
                failedAttempts = 0;
            }
            subscribed = false;
            // keep the server's error frame (why a 4001 / 4029 close came) next to the close itself
            lastError = why + (lastError.startsWith("{") ? " after " + lastError : "");
        }
        partial.setLength(0);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Drops the connection on purpose (a normal close): the client reconnects and resumes as after any loss. */
    void bounce() {
        WebSocket ws = socket;
        if (ws != null && !stopping) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bounce").exceptionally(e -> null);
        }
    }

    void stop() {
        stopping = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }

    synchronized boolean subscribed() {
        return subscribed;
    }

    synchronized boolean disconnected() {
        return disconnects > 0;
    }

    synchronized long last() {
        return last;
    }

    /** This client's figures against core's last seq of its assessment. */
    synchronized Verdict verdict(long coreLast) {
        long missing = 0;
        if (first >= 0) {
            for (long s = first; s <= coreLast; s++) {
                if (!seen.get((int) (s - first))) {
                    missing++;
                }
            }
        }
        return new Verdict(id, assessmentId, url().getPort(), first, last, coreLast, seen.cardinality(), missing,
                duplicates, disconnects, resumes, notRecovered, snapshotsAfterNotRecovered, reconnectMillis, errors,
                lastError);
    }

    record Verdict(int id, String assessmentId, int port, long first, long last, long coreLast, long received,
                   long missing, long duplicates, long disconnects, long resumes, long notRecovered,
                   long snapshotsAfterNotRecovered,
                   long reconnectMillis, long errors, String lastError) {

        /** Failover: every resume recovered, nothing missed, nothing twice. */
        boolean ok() {
            return first >= 0 && coreLast + 1 >= first && missing == 0 && duplicates == 0 && notRecovered == 0
                    && resumes == disconnects;
        }

        /**
         * Resumes expected to degrade (Redis away or emptied): every loss answered by a subscription again, nothing
         * twice, and the stream followed to core's last seq; seqs missed between a loss and a {@code recovered:
         * false} answer are the client's to reload, counted but not a failure.
         */
        boolean okDegraded() {
            return first >= 0 && duplicates == 0 && resumes == disconnects && last >= coreLast;
        }

        String tsv(boolean ok) {
            return String.join("\t", String.valueOf(id), assessmentId, String.valueOf(port), String.valueOf(first),
                    String.valueOf(last), String.valueOf(coreLast), String.valueOf(received),
                    String.valueOf(missing), String.valueOf(duplicates), String.valueOf(disconnects),
                    String.valueOf(resumes), String.valueOf(notRecovered), String.valueOf(reconnectMillis),
                    String.valueOf(errors), ok ? "ok" : "FAIL", lastError.replace('\t', ' ').replace('\n', ' '),
                    String.valueOf(snapshotsAfterNotRecovered));
        }
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
