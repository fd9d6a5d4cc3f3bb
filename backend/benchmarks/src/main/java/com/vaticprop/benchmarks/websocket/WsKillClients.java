package com.vaticprop.benchmarks.websocket;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the fault scenario {@code ws-kill} (issue 12, backend/benchmarks/fault-scenarios.sh): N
 * {@link ResumingClient}s over the traders {@code orders.FaultLoad} set up ({@code traders.tsv}: assessment id and
 * access token), spread over a client-side list of websocket-service URLs (client k starts on URL k mod n), each
 * subscribed to its trader's assessment channel. The scenario kills one instance; the clients reconnect to the other
 * and resume with {@code since}.
 *
 * <p>Files in {@code outDir} (the scenario's only interface to it): {@code status} (rewritten every second:
 * {@code subscribed=… disconnected=… resumed=…}); on {@code stop}, it reads {@code core-seq.tsv} (assessment id and
 * core's {@code last_seq}), waits up to {@code settleSeconds} for every client to reach its assessment's last seq,
 * then writes {@code clients.tsv} (one verdict line per client) and prints the RESULT line: clients whose seqs from
 * the first one they saw to core's last have no gap and no duplicate, and the reconnect times (loss of the
 * connection to {@code subscribed} on the other instance).
 *
 * <p>The {@code redis-restart} scenario uses the same clients in {@code degraded} mode over one instance: whenever
 * the number in {@code outDir/bounce} grows, every client drops its connection and resumes, and a resume answered
 * {@code recovered: false} (Redis away, or its history gone) is expected — the verdict then asks that every loss was
 * answered by a subscription again, that a snapshot followed where the instance had one, that nothing came twice and
 * that each client followed its stream to core's last seq.
 *
 * <p>usage: {@code WsKillClients <wsUrl,wsUrl…> <tradersTsv> <clients> <outDir> [settleSeconds=120]
 * [failover|degraded]}
 */
public final class WsKillClients {

    private WsKillClients() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: WsKillClients <wsUrl,wsUrl…> <tradersTsv> <clients> <outDir> [settleSeconds]");
            System.exit(64);
        }
        List<URI> urls = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        List<String[]> traders = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).toList();
        int n = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        int settle = args.length > 4 ? Integer.parseInt(args[4]) : 120;
        boolean degraded = args.length > 5 && "degraded".equals(args[5]);
        Files.createDirectories(out);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        List<ResumingClient> clients = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String[] t = traders.get(k % traders.size());
            // consecutive rounds over the traders alternate instances: each trader has half its clients on each
            int firstUrl = (k / traders.size()) % urls.size();
            ResumingClient c = new ResumingClient(k, t[0], t[1], urls, firstUrl, http, timer);
            clients.add(c);
            c.connect();
            if (k % 25 == 24) {
                Thread.sleep(250); // do not open 1,000 upgrades in one burst on a 2-core machine
            }
        }
        Path stop = out.resolve("stop");
        Path bounce = out.resolve("bounce");
        int bounced = 0;
        while (!Files.exists(stop)) {
            status(clients, out);
            int asked = Files.exists(bounce) ? Integer.parseInt(Files.readString(bounce).trim()) : 0;
            if (asked > bounced) {
                bounced = asked;
                clients.forEach(ResumingClient::bounce);
            }
            Thread.sleep(1000);
        }
        Map<String, Long> coreLast = new HashMap<>();
        for (String l : Files.readAllLines(out.resolve("core-seq.tsv"))) {
            String[] f = l.split("[\t|]");
            if (f.length == 2) {
                coreLast.put(f[0], Long.parseLong(f[1].trim()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settle);
        while (System.nanoTime() < deadline
                && clients.stream().anyMatch(c -> c.last() < coreLast.getOrDefault(c.assessmentId, -1L))) {
            status(clients, out);
            Thread.sleep(1000);
        }
        clients.forEach(ResumingClient::stop);
        timer.shutdownNow();
        verdict(clients, coreLast, out, degraded);
        System.out.flush();
        System.exit(0); // the HttpClient's threads would keep the JVM alive
    }

    private static void status(List<ResumingClient> clients, Path out) throws java.io.IOException {
        long subscribed = clients.stream().filter(ResumingClient::subscribed).count();
        long disconnected = clients.stream().filter(ResumingClient::disconnected).count();
        long resumed = clients.stream().filter(c -> c.disconnected() && c.subscribed()).count();
        Files.writeString(out.resolve("status.tmp"),
                "subscribed=" + subscribed + " disconnected=" + disconnected + " resumed=" + resumed + "\n");
        Files.move(out.resolve("status.tmp"), out.resolve("status"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void verdict(List<ResumingClient> clients, Map<String, Long> coreLast, Path out, boolean degraded)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("client\tassessment\tport_at_end\tfirst_seq\tlast_seq\tcore_last_seq\treceived\tmissing\tduplicates"
                + "\tdisconnects\tresumes\tnot_recovered\treconnect_ms\terror_frames\tverdict\tlast_note"
                + "\tsnapshots_after_not_recovered");
        Histogram reconnect = new Histogram(3_600_000L, 3);
        long ok = 0;
        long missing = 0;
        long duplicates = 0;
        long disconnected = 0;
        long resumed = 0;
        long notRecovered = 0;
        long noEvents = 0;
        long snapshots = 0;
        long events = 0;
        for (ResumingClient c : clients) {
            ResumingClient.Verdict v = c.verdict(coreLast.getOrDefault(c.assessmentId, -1L));
            boolean good = degraded ? v.okDegraded() : v.ok();
            lines.add(v.tsv(good));
            ok += good ? 1 : 0;
            snapshots += v.snapshotsAfterNotRecovered();
            missing += v.missing();
            duplicates += v.duplicates();
            disconnected += v.disconnects() > 0 ? 1 : 0;
            resumed += v.disconnects() > 0 && v.resumes() == v.disconnects() ? 1 : 0;
            notRecovered += v.notRecovered();
            noEvents += v.first() < 0 ? 1 : 0;
            events += v.received();
            if (v.reconnectMillis() >= 0) {
                reconnect.recordValue(Math.min(v.reconnectMillis(), 3_600_000L));
            }
        }
        Files.write(out.resolve("clients.tsv"), lines);
        System.out.printf("RESULT clients=%d ok=%d failed=%d disconnected=%d resumed=%d not_recovered=%d missing=%d"
                        + " duplicates=%d no_events=%d seq_events=%d reconnect_p50_ms=%d reconnect_p99_ms=%d"
                        + " reconnect_max_ms=%d snapshots_after_not_recovered=%d%n",
                clients.size(), ok, clients.size() - ok, disconnected, resumed, notRecovered, missing, duplicates,
                noEvents, events, reconnect.getValueAtPercentile(50), reconnect.getValueAtPercentile(99),
                reconnect.getMaxValue(), snapshots);
    }
}
