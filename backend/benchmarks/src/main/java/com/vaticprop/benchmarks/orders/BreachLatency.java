package com.vaticprop.benchmarks.orders;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.ViolationDetected;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.vaticprop.benchmarks.orders.CoreHttp.expect;
import static com.vaticprop.benchmarks.orders.CoreHttp.field;
import static com.vaticprop.benchmarks.orders.CoreHttp.forwardedFor;

/**
 * Quote on Kafka → {@code rules.violation-detected} on Kafka with many open assessments (issue 6, "Performance"):
 * the path a breach takes in production — the tick topic, core-service's quote table, the risk monitor re-marking
 * every account that holds the instrument, the flush transaction (violation, rule check, closing fills, outbox) and
 * the outbox relay — measured from the moment Kafka acknowledged the quote to the moment this process reads the
 * violation, on one clock. Measured from just before the quote is handed to the producer (so the figure includes
 * producing it), and next to it, in the same run, the floor of any such path: one Kafka hop — the same quotes read
 * back from the tick topic by a plain consumer in this process. The breach path has two hops (the quote in, the
 * violation out).
 *
 * <p>Set-up over the public API: {@code assessments} "Crypto Two-Step 100K" assessments ({@code perTrader} per
 * trader), each started with one BTC-USD long bought at 60,010. {@code breaching} of them hold 1 to 3 BTC, sized so
 * that their daily-loss floors (equity 95,000) are touched at evenly spaced bids between about 58,400 and 55,100; the
 * others hold 0.05 BTC and never breach, but every quote re-marks them too. This process is the only BTC-USD price
 * source (run core-service with {@code MARKET_DATA_SOURCES=none}): a quote every 500 ms at 60,000/60,010 during
 * set-up, then a bid falling by 5 every {@code stepMs} from 58,600, so about one floor is crossed per step — breaches
 * arrive one at a time rather than in a burst, and the figure is the latency of one breach among N open assessments,
 * not the database's throughput.
 *
 * <p>usage: {@code BreachLatency <coreUrl> <kafkaBrokers> [assessments=10000] [breaching=400] [perTrader=100]
 * [stepMs=100]}
 */
public final class BreachLatency {

    private static final String PASSWORD = "benchmark passphrase 4f2c9e";
    private static final String TIER = "00841499-b687-3b4d-aebb-c77ae4f04eeb"; // Crypto Two-Step 100K (seed)
    private static final String INSTRUMENT = "BTC-USD";
    private static final BigDecimal ENTRY = new BigDecimal("60010");
    private static final BigDecimal SPREAD = new BigDecimal("10");

    private final CoreHttp http;
    private final String core;
    private final KafkaProducer<String, byte[]> producer;
    private final String brokers;
    private final EventCodec codec = new EventCodec();
    /** The quote each violation names (its receivedTs) → when it was handed to the producer (System.nanoTime). */
    private final Map<Instant, Long> quoteSent = new ConcurrentHashMap<>();
    private volatile BigDecimal bid = new BigDecimal("60000");
    private volatile boolean ticking = true;
    /** The readers stop when this turns false (a Kafka consumer must not be interrupted mid-poll). */
    private volatile boolean reading = true;

    private BreachLatency(String core, String brokers) {
        this.core = core;
        this.http = new CoreHttp(core);
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new ByteArraySerializer());
    }

    public static void main(String[] args) throws Exception {
        String core = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        String brokers = args.length > 1 ? args[1] : "127.0.0.1:19092";
        int assessments = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int breaching = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        int perTrader = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        long stepMs = args.length > 5 ? Long.parseLong(args[5]) : 100;
        new BreachLatency(core, brokers).run(assessments, breaching, perTrader, stepMs);
        System.exit(0);
    }

    private void run(int count, int breaching, int perTrader, long stepMs) throws Exception {
        Thread ticker = Thread.ofPlatform().name("quotes").daemon(true).start(this::tickDuringSetUp);
        long setUpStart = System.nanoTime();
        Set<String> breachers = setUp(count, breaching, perTrader);
        System.out.printf("set-up: %d assessments open with a BTC-USD long (%d sized to breach) in %.0f s "
                + "(%d 5xx answers sent again)%n", count, breachers.size(), (System.nanoTime() - setUpStart) / 1e9,
                http.setUpServerErrors());
        System.out.println("settling 20 s (the monitor's periodic saves of the set-up's marks)");
        Thread.sleep(20_000);
        System.out.println("core before the run: " + monitorMetrics());

        Histogram latency = new Histogram(Duration.ofMinutes(2).toNanos(), 3);
        Set<String> violated = ConcurrentHashMap.newKeySet();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicInteger unmatched = new AtomicInteger();
        Histogram hop = new Histogram(Duration.ofMinutes(2).toNanos(), 3);
        try (KafkaConsumer<String, byte[]> consumer = violationConsumer();
             KafkaConsumer<String, byte[]> ticks = consumerAtEnd(Topic.ticksFor(INSTRUMENT).topicName())) {
            Thread reader = Thread.ofPlatform().name("violations").start(() -> readViolations(consumer, latency,
                    breachers, violated, unexpected, unmatched));
            Thread hopReader = Thread.ofPlatform().name("quotes-back").start(() -> readQuotes(ticks, hop));
            ticking = false;
            ticker.join();
            long start = System.nanoTime();
            int quotes = 0;
            for (BigDecimal b = new BigDecimal("58600"); b.compareTo(new BigDecimal("54800")) >= 0
                    && violated.size() < breachers.size(); b = b.subtract(new BigDecimal("5"))) {
                publish(b);
                quotes++;
                Thread.sleep(stepMs);
            }
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (violated.size() < breachers.size() && System.nanoTime() < waitUntil) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // a late duplicate or an unexpected breach would still be counted
            reading = false;
            reader.join();
            hopReader.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("core after the run: " + monitorMetrics());
            System.out.printf("%d quotes in %.0f s (one per %d ms), %d open assessments, each quote re-marks all "
                    + "of them%n", quotes, seconds, stepMs, count);
            System.out.printf("violations: %d of %d expected, %d unexpected (an assessment not sized to breach), %d "
                    + "naming an unknown quote%n", violated.size(), breachers.size(), unexpected.get(),
                    unmatched.get());
            System.out.printf("baseline, one Kafka hop (the same quotes read back from %s): %d quotes, p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms%n", Topic.ticksFor(INSTRUMENT).topicName(), hop.getTotalCount(),
                    ms(hop, 50), ms(hop, 99), hop.getMaxValue() / 1e6);
            System.out.printf("RESULT assessments=%d violations=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                    + "hop_p50_ms=%.1f hop_p99_ms=%.1f%n", count, latency.getTotalCount(), ms(latency, 50),
                    ms(latency, 90), ms(latency, 99), latency.getMaxValue() / 1e6, ms(hop, 50), ms(hop, 99));
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    // ---------------------------------------------------------------------------------------------------- set-up

    /** Opens the assessments; returns the ids of those sized to breach. */
    private Set<String> setUp(int count, int breaching, int perTrader) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int traders = (count + perTrader - 1) / perTrader;
        Set<String> breachers = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < traders; t++) {
                int first = t * perTrader;
                int last = Math.min(count, first + perTrader);
                String email = "breach-" + run + "-" + t + "@example.com";
                futures.add(pool.submit(() -> {
                    CoreHttp.Tokens tokens = http.registerAndLogIn(email, PASSWORD);
                    long loggedIn = System.nanoTime();
                    for (int i = first; i < last; i++) {
                        if (System.nanoTime() - loggedIn > Duration.ofMinutes(8).toNanos()) {
                            tokens = http.logIn(email, PASSWORD); // access tokens live 10 minutes
                            loggedIn = System.nanoTime();
                        }
                        String id = http.buyAndStart(tokens.access(), TIER);
                        boolean breaches = i < breaching;
                        buy(tokens.access(), id, breaches ? breachingQty(i, breaching) : new BigDecimal("0.05"));
                        if (breaches) {
                            breachers.add(id);
                        }
                        int n = done.incrementAndGet();
                        if (n % 500 == 0) {
                            System.out.printf("  set-up %d/%d%n", n, count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return breachers;
    }

    /**
     * The size whose daily-loss floor is touched at the {@code i}-th of {@code n} evenly spaced bids from 58,400 down
     * to 55,100: equity = 100,000 − fee − q × (60,010 − bid) = 95,000 with the fee 0.1 % of q × 60,010.
     */
    private static BigDecimal breachingQty(int i, int n) {
        BigDecimal floorBid = new BigDecimal("58400").subtract(new BigDecimal(3300L * i / Math.max(1, n - 1)));
        BigDecimal perBtc = ENTRY.subtract(floorBid).add(new BigDecimal("60.01"));
        return new BigDecimal("5000").divide(perBtc, 4, RoundingMode.DOWN);
    }

    private void buy(String access, String assessmentId, BigDecimal qty) throws Exception {
        HttpRequest order = HttpRequest.newBuilder(URI.create(core + "/assessments/" + assessmentId + "/orders"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + access).header("X-Forwarded-For", forwardedFor())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"instrument\":\"" + INSTRUMENT + "\",\"side\":\"BUY\","
                        + "\"type\":\"MARKET\",\"qty\":\"" + qty.toPlainString() + "\"}"))
                .build();
        HttpResponse<String> r = http.sendRetrying(order);
        String body = expect(r, 201, "order on " + assessmentId);
        if (!"FILLED".equals(field(body, "status"))) {
            throw new IllegalStateException("the set-up order did not fill (is this the only BTC-USD source, and is "
                    + "core-service reading it?): " + body);
        }
    }

    // ---------------------------------------------------------------------------------------------------- quotes

    private void tickDuringSetUp() {
        while (ticking) {
            publish(bid);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void publish(BigDecimal newBid) {
        bid = newBid;
        Instant now = Instant.now();
        MarketTick tick = new MarketTick(INSTRUMENT, "benchmark", newBid, newBid.add(SPREAD), new BigDecimal("50"),
                new BigDecimal("50"), null, null, now, now, null);
        byte[] value = codec.encode(EventEnvelope.of(EventType.MARKET_TICK, now, tick));
        quoteSent.put(now, System.nanoTime());
        producer.send(new ProducerRecord<>(Topic.ticksFor(INSTRUMENT).topicName(), INSTRUMENT, value), (meta, e) -> {
            if (e != null) {
                System.err.println("quote not published: " + e);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ violations

    private KafkaConsumer<String, byte[]> violationConsumer() {
        return consumerAtEnd(Topic.VIOLATION_DETECTED.topicName());
    }

    /** The baseline: how long one of our quotes takes from the producer to a consumer of the tick topic. */
    private void readQuotes(KafkaConsumer<String, byte[]> consumer, Histogram hop) {
        while (reading) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                if (codec.decode(record.value()).data() instanceof MarketTick t) {
                    Long sent = quoteSent.get(t.receivedTs());
                    if (sent != null) {
                        hop.recordValue(Math.max(0, Math.min(now - sent, hop.getHighestTrackableValue())));
                    }
                }
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumerAtEnd(String topic) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolve the end offsets now, before the first breaching quote
        return c;
    }

    private void readViolations(KafkaConsumer<String, byte[]> consumer, Histogram latency, Set<String> breachers,
                                Set<String> violated, AtomicInteger unexpected, AtomicInteger unmatched) {
        while (reading) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                EventEnvelope<EventData> e = codec.decode(record.value());
                if (!(e.data() instanceof ViolationDetected v) || v.quote() == null) {
                    continue;
                }
                String id = String.valueOf(e.assessmentId());
                if (!breachers.contains(id)) {
                    unexpected.incrementAndGet();
                    continue;
                }
                Long acked = quoteSent.get(v.quote().receivedTs());
                if (acked == null) {
                    unmatched.incrementAndGet();
                    continue;
                }
                if (violated.add(id)) {
                    latency.recordValue(Math.max(0, Math.min(now - acked, latency.getHighestTrackableValue())));
                }
            }
        }
    }

    private String monitorMetrics() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(core + "/metrics")).GET().build());
            StringBuilder out = new StringBuilder();
            for (String line : r.body().split("\n")) {
                if (line.startsWith("vatic_monitor_quote_seconds{") || line.startsWith("vatic_monitor_quote_seconds_")
                        || line.startsWith("vatic_outbox_lag_seconds") || line.startsWith("hikaricp_connections_pending")) {
                    out.append(line).append("; ");
                }
            }
            return out.toString();
        } catch (Exception e) {
            return "(no /metrics: " + e + ")";
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
