package com.vaticprop.core.concurrency;

import com.vaticprop.core.CoreApi;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many threads placing orders over HTTP on a few assessments at once, and cancelling each other's resting limit
 * orders at random: market orders both ways, marketable limits, limits far from the book that rest, and now and
 * then the same order sent twice at the same moment under one Idempotency-Key. Records every answer, so the test can
 * hold the stored state against what the clients were told.
 */
final class OrderStorm {

    /** One trader's account under load. */
    record Account(UUID assessmentId, String token) {
    }

    /** What the clients were told. */
    static final class Outcome {
        /** order id → assessment, for every 201. */
        final Map<UUID, UUID> accepted = new ConcurrentHashMap<>();
        /** order ids whose cancel was answered 200. */
        final List<UUID> cancelled = java.util.Collections.synchronizedList(new ArrayList<>());
        /** status → count, for every answer (orders and cancels). */
        final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        /** Idempotency keys sent twice at once whose two answers named different orders. */
        final List<String> splitDuplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger orders = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicInteger duplicatedKeys = new AtomicInteger();
        final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Keys still answered 503 after every retry ("nothing was changed"), with their assessment. */
        final Map<String, UUID> refusedKeys = new ConcurrentHashMap<>();
        /** Keys answered 201 at least once. */
        final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();

        void count(String what, HttpResponse<String> r) {
            statuses.computeIfAbsent(what + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() >= 500 && r.statusCode() != 503) {
                serverErrors.add(what + " " + r.statusCode() + " " + r.body());
            }
        }
    }

    private final CoreApi api;
    private final List<Account> accounts;
    private final long seed;
    /** Resting limit orders any thread may cancel. */
    private final ConcurrentLinkedQueue<Resting> resting = new ConcurrentLinkedQueue<>();
    /** Keys of orders answered 503 at least once (then retried). */
    final Set<String> shed = ConcurrentHashMap.newKeySet();
    private static final int MAX_ATTEMPTS = 5;

    private record Resting(Account owner, UUID orderId) {
    }

    OrderStorm(CoreApi api, List<Account> accounts, long seed) {
        this.api = api;
        this.accounts = List.copyOf(accounts);
        this.seed = seed;
    }

    Outcome run(int orders, int threads) throws Exception {
        Outcome outcome = new Outcome();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // the second request of a duplicated key runs beside its worker, never queued behind the busy workers
        ExecutorService twins = Executors.newCachedThreadPool();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                workers.add(pool.submit(() -> {
                    start.await();
                    while (next.getAndIncrement() < orders) {
                        step(random, outcome, twins);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            twins.shutdownNow();
        }
        return outcome;
    }

    private void step(Random random, Outcome outcome, ExecutorService twins) throws Exception {
        Account account = accounts.get(random.nextInt(accounts.size()));
        if (random.nextInt(4) == 0) {
            cancelSomeRestingOrder(random, outcome);
        }
        Map<String, Object> body = randomOrder(random);
        String key = "storm-" + UUID.randomUUID();
        if (random.nextInt(20) == 0) {
            outcome.duplicatedKeys.incrementAndGet();
            Future<HttpResponse<String>> twin = twins.submit(() -> place(account, key, body));
            HttpResponse<String> first = place(account, key, body);
            HttpResponse<String> second = twin.get();
            record(account, key, first, outcome);
            record(account, key, second, outcome);
            if (first.statusCode() == 201 && second.statusCode() == 201
                    && !id(first).equals(id(second))) {
                outcome.splitDuplicates.add(key);
            }
            return;
        }
        record(account, key, place(account, key, body), outcome);
    }

    /**
     * Places the order; a 503 (the service shed load: "nothing was changed") is retried with the same key after its
     * Retry-After, as the contract tells clients to, and counted.
     */
    private HttpResponse<String> place(Account account, String key, Map<String, Object> body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = api.send("POST", "/assessments/" + account.assessmentId() + "/orders",
                    VaticJson.mapper().writeValueAsString(body), account.token(),
                    Map.of("Content-Type", "application/json", "Idempotency-Key", key));
            if (r.statusCode() != 503 || attempt == MAX_ATTEMPTS) {
                return r;
            }
            shed.add(key);
            Thread.sleep(200L * attempt);
        }
    }

    private void record(Account account, String key, HttpResponse<String> r, Outcome outcome) {
        outcome.orders.incrementAndGet();
        outcome.count("order", r);
        if (r.statusCode() == 503) {
            outcome.refusedKeys.put(key, account.assessmentId());
        }
        if (r.statusCode() != 201) {
            return;
        }
        outcome.acceptedKeys.add(key);
        UUID id = id(r);
        UUID previous = outcome.accepted.putIfAbsent(id, account.assessmentId());
        JsonNode order = CoreApi.json(r);
        if (previous == null && "OPEN".equals(order.get("status").asString())) {
            resting.add(new Resting(account, id));
        }
    }

    private void cancelSomeRestingOrder(Random random, Outcome outcome) throws InterruptedException {
        Resting pick = resting.poll();
        if (pick == null) {
            return;
        }
        UUID orderId = pick.orderId();
        Account owner = pick.owner();
        outcome.cancels.incrementAndGet();
        HttpResponse<String> r = cancel(owner, orderId);
        outcome.count("cancel", r);
        if (r.statusCode() == 200) {
            outcome.cancelled.add(orderId);
        }
        if (random.nextInt(10) == 0) {
            // a second cancel of the same order races nothing now: it must be refused, never applied twice
            HttpResponse<String> again = cancel(owner, orderId);
            outcome.count("cancel-again", again);
        }
    }

    private HttpResponse<String> cancel(Account owner, UUID orderId) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = api.send("DELETE", "/assessments/" + owner.assessmentId() + "/orders/" + orderId,
                    (String) null, owner.token(), Map.of());
            if (r.statusCode() != 503 || attempt == MAX_ATTEMPTS) {
                return r;
            }
            shed.add("cancel " + orderId);
            Thread.sleep(200L * attempt);
        }
    }

    /** Small sizes, so the pre-trade limits of a 100K account refuse only a few. */
    private static Map<String, Object> randomOrder(Random random) {
        boolean btc = random.nextBoolean();
        String instrument = btc ? "BTC-USD" : "ETH-USD";
        String side = random.nextBoolean() ? "BUY" : "SELL";
        String qty = btc ? "0.0" + (1 + random.nextInt(9)) : "0." + (1 + random.nextInt(9));
        int kind = random.nextInt(10);
        if (kind < 5) {
            return Map.of("instrument", instrument, "side", side, "type", "MARKET", "qty", qty);
        }
        boolean buy = side.equals("BUY");
        String price;
        if (kind < 7) { // marketable: through the spread
            price = btc ? (buy ? "60100" : "59900") : (buy ? "3010" : "2990");
        } else { // resting: away from the book
            price = btc ? (buy ? "55000" : "65000") : (buy ? "2700" : "3300");
        }
        return Map.of("instrument", instrument, "side", side, "type", "LIMIT", "qty", qty, "limitPrice", price,
                "tif", "GTC");
    }

    private static UUID id(HttpResponse<String> r) {
        return UUID.fromString(CoreApi.json(r).get("id").asString());
    }
}
