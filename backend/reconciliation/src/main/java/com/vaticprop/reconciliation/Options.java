package com.vaticprop.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line. Every store is named explicitly (or by the services' own environment variables), so the tool
 * can be pointed at any deployment:
 * <pre>
 * --from 2026-11-26T02:00:00Z --to 2026-11-26T03:00:00Z   the window (UTC; --to defaults to now)
 * --database-url postgresql://…   (DATABASE_URL)          core, report and monte-carlo schemas live here
 * --kafka 127.0.0.1:19092         (KAFKA_BROKERS)
 * --redis 127.0.0.1:16379         (REDIS_HOST:REDIS_PORT)  --redis-prefix ""  (vatic.redis.key-prefix)
 * --read-models report,montecarlo,websocket                the downstream stores to compare (none: "")
 * --settle 60s                    repeat until clean or this long has passed (read models catch up asynchronously)
 * --tolerate-wire-duplicates      an event id twice on Kafka is reported but does not fail (at-least-once relay)
 * </pre>
 */
public record Options(Window window, String databaseUrl, String kafka, String redisHost, int redisPort,
                      String redisPrefix, Set<String> readModels, Duration settle, boolean tolerateWireDuplicates,
                      String coreSchema, String reportSchema, String monteCarloSchema) {

    public static final Set<String> ALL_READ_MODELS = Set.of("report", "montecarlo", "websocket");

    public static Options parse(List<String> args, java.util.Map<String, String> env) {
        Instant from = null;
        Instant to = Instant.now();
        String db = env.get("DATABASE_URL");
        String kafka = env.get("KAFKA_BROKERS");
        String redis = env.containsKey("REDIS_HOST") ? env.get("REDIS_HOST") + ":" + env.getOrDefault("REDIS_PORT", "6379")
                : null;
        String prefix = "";
        Set<String> models = new LinkedHashSet<>(List.of("report", "montecarlo", "websocket"));
        Duration settle = Duration.ZERO;
        boolean tolerate = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--from" -> from = Instant.parse(args.get(++i));
                case "--to" -> to = Instant.parse(args.get(++i));
                case "--database-url" -> db = args.get(++i);
                case "--kafka" -> kafka = args.get(++i);
                case "--redis" -> redis = args.get(++i);
                case "--redis-prefix" -> prefix = args.get(++i);
                case "--read-models" -> {
                    models = new LinkedHashSet<>();
                    for (String m : args.get(++i).split(",")) {
                        if (m.isBlank()) {
                            continue;
                        }
                        if (!ALL_READ_MODELS.contains(m.trim())) {
                            throw new IllegalArgumentException("unknown read model " + m + "; use " + ALL_READ_MODELS);
                        }
                        models.add(m.trim());
                    }
                }
                case "--settle" -> settle = Duration.parse("PT" + args.get(++i).toUpperCase(java.util.Locale.ROOT));
                case "--tolerate-wire-duplicates" -> tolerate = true;
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (from == null) {
            throw new IllegalArgumentException("--from is required");
        }
        if (db == null || kafka == null) {
            throw new IllegalArgumentException("--database-url (DATABASE_URL) and --kafka (KAFKA_BROKERS) are required");
        }
        if (models.contains("websocket") && redis == null) {
            throw new IllegalArgumentException("--redis (REDIS_HOST) is required to compare the websocket history");
        }
        String redisHost = redis == null ? null : redis.substring(0, redis.lastIndexOf(':'));
        int redisPort = redis == null ? 0 : Integer.parseInt(redis.substring(redis.lastIndexOf(':') + 1));
        return new Options(new Window(from, to), db, kafka, redisHost, redisPort, prefix, models, settle, tolerate,
                "core", "report", "montecarlo");
    }
}
