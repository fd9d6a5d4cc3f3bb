package com.vaticprop.deployment;

import com.vaticprop.platform.config.ServiceKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.vaticprop.platform.config.DatabaseUrl;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five services started from their executable jars (as the images run them) against embedded Kafka, PostgreSQL
 * and Redis, with the simulated market feed (development mode) and production's JSON (ECS) log format:
 * <ul>
 *   <li>every metric name the alert rules and the Grafana dashboards read appears on a live {@code /metrics} — so a
 *       renamed meter breaks this test, not a production alert. Exempt: {@code up} (made by Prometheus) and
 *       {@code kube_pod_status_ready} (kube-state-metrics);</li>
 *   <li>one HTTP order's trace id is found in its outbox row, on the Kafka record's headers and in a JSON log line of
 *       another service that consumed the event.</li>
 * </ul>
 */
class LiveServicesTest {

    private static final Set<String> NOT_FROM_THE_SERVICES = Set.of("up", "kube_pod_status_ready");
    private static RunningServices services;

    @BeforeAll
    static void startServices() {
        services = SharedServices.get();
    }

    /** Metric name → where it is used, from the PrometheusRule and the dashboards. */
    static Map<String, String> usedMetricNames() {
        Map<String, String> used = new LinkedHashMap<>();
        GenericKubernetesResource rules = Manifests.custom(Manifests.load(Manifests.root()
                .resolve("deploy/monitoring/prometheus-rules.yaml")), "PrometheusRule").getFirst();
        List<Map<String, Object>> list = Manifests.at(rules, "spec", "groups", 0, "rules");
        for (Map<String, Object> rule : list) {
            PromQl.metricNames((String) rule.get("expr")).forEach(n -> used.putIfAbsent(n, "alert " + rule.get("alert")));
        }
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : Manifests.yamlUnder(Manifests.root().resolve("deploy/monitoring/dashboards"))) {
            for (ConfigMap cm : Manifests.ofType(Manifests.load(file), ConfigMap.class)) {
                for (String dashboard : cm.getData().values()) {
                    JsonNode root = json.readTree(dashboard);
                    for (JsonNode panel : root.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            PromQl.metricNames(target.path("expr").asString()).forEach(n -> used.putIfAbsent(n,
                                    "dashboard " + root.path("title").asString() + " / " + panel.path("title").asString()));
                        }
                    }
                }
            }
        }
        return used;
    }

    @Test
    void theRulesAndDashboardsReadMetricsOfEveryKind() {
        Map<String, String> used = usedMetricNames();
        assertThat(used.keySet()).contains("http_server_requests_seconds_count", "marketdata_quote_staleness_seconds",
                "vatic_ws_slow_consumer_closes_total", "kafka_consumer_fetch_manager_records_lag_max",
                "vatic_monitor_quote_seconds_count", "up", "kube_pod_status_ready");
    }

    @Test
    void everyMetricNameInTheAlertsAndDashboardsIsOnALiveScrape() throws Exception {
        Map<String, String> used = usedMetricNames();
        Set<String> wanted = new TreeSet<>(used.keySet());
        wanted.removeAll(NOT_FROM_THE_SERVICES);

        // traffic, so that the request meters exist; then scrape until every name showed up (meters registered on
        // first use — a tick of each instrument, a consumer's first assignment — appear within seconds)
        Map<ServiceKind, Set<String>> scraped = new EnumMap<>(ServiceKind.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Set<String> missing;
        do {
            for (ServiceKind kind : ServiceKind.values()) {
                services.get(kind, "/health");
                services.get(kind, "/does-not-exist");
                HttpResponse<String> metrics = services.get(kind, "/metrics");
                assertThat(metrics).isNotNull();
                assertThat(metrics.statusCode()).isEqualTo(200);
                scraped.put(kind, names(metrics.body()));
            }
            Set<String> all = new HashSet<>();
            scraped.values().forEach(all::addAll);
            missing = new TreeSet<>(wanted);
            missing.removeAll(all);
            if (!missing.isEmpty()) {
                Thread.sleep(2_000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);

        Map<String, String> report = new LinkedHashMap<>();
        missing.forEach(n -> report.put(n, used.get(n)));
        assertThat(report).as("metric names used but not published by any service").isEmpty();
        // the per-service ones are published by the service the expression names
        assertThat(scraped.get(ServiceKind.CORE)).contains("vatic_monitor_quote_seconds_count",
                "vatic_market_ticks_total", "vatic_outbox_lag_seconds");
        assertThat(scraped.get(ServiceKind.WEBSOCKET)).contains("vatic_ws_slow_consumer_closes_total");
        assertThat(scraped.get(ServiceKind.MARKET_DATA)).contains("marketdata_quote_staleness_seconds");
        assertThat(scraped.get(ServiceKind.WEBSOCKET)).contains("kafka_consumer_fetch_manager_records_lag_max");
    }


    @Test
    void oneHttpOrdersTraceIdIsInItsOutboxRowOnItsKafkaHeadersAndInAConsumersLogLine() throws Exception {
        String token = login();
        String assessment = field(post("/purchases", token, "{\"tierId\":\"" + CRYPTO_TWO_STEP_100K + "\"}", null),
                "assessmentId");
        HttpResponse<String> started = post("/assessments/" + assessment + "/start", token, "", null);
        assertThat(started.statusCode()).as(started.body()).isLessThan(300);

        String traceId = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        HttpResponse<String> order = post("/assessments/" + assessment + "/orders", token,
                "{\"instrument\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":\"0.01\"}",
                "00-" + traceId + "-b7ad6b7169203331-01");
        // filled, resting or refused by a pre-trade check (422, stored and announced on trading.order-rejected)
        assertThat(order.statusCode()).as(order.body()).isIn(200, 201, 202, 422);
        assertThat(order.headers().firstValue("traceparent")).hasValueSatisfying(h -> assertThat(h).contains(traceId));

        // 1. the outbox row the order's transaction wrote
        DatabaseUrl db = DatabaseUrl.parse(services.environment().get("DATABASE_URL"));
        List<String[]> rows = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rows.clear();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 PreparedStatement s = c.prepareStatement("SELECT id::text, topic FROM core.outbox "
                         + "WHERE payload->>'traceparent' LIKE ? AND topic LIKE 'trading.order-%'")) {
                s.setString(1, "00-" + traceId + "-%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            assertThat(rows).isNotEmpty();
        });
        String eventId = rows.getFirst()[0];
        String topic = rows.getFirst()[1];

        // 2. the Kafka record the relay published for that row: same event id, the trace on its headers
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", services.environment().get("KAFKA_BROKERS"),
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicReference<String> header = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains(eventId) && r.headers().lastHeader("traceparent") != null) {
                        header.set(new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII));
                    }
                }
                return header.get() != null;
            });
            assertThat(header.get()).startsWith("00-" + traceId + "-");
        }

        // 3. a JSON log line of websocket-service, which consumed the event, in the same trace
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> lines = Files.readAllLines(services.log(ServiceKind.WEBSOCKET)).stream()
                    .filter(l -> l.startsWith("{")).map(json::readTree)
                    .filter(n -> traceId.equals(n.path("traceId").asString())).toList();
            assertThat(lines).as("websocket-service JSON log lines with traceId " + traceId).isNotEmpty();
            // the order's events (placed, filled …) arrive over several topics in any order: one line per topic
            assertThat(lines).anySatisfy(n -> assertThat(n.path("message").asString()).contains(topic));
        });
    }

    private static final String CRYPTO_TWO_STEP_100K = "00841499-b687-3b4d-aebb-c77ae4f04eeb";

    private static String login() throws Exception {
        AtomicReference<String> token = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> r = post("/auth/login", null,
                    "{\"email\":\"trader1@vaticprop.dev\",\"password\":\"VaticDev-trade-2026\"}", null);
            if (r.statusCode() == 200) {
                token.set(field(r, "accessToken"));
            }
            return token.get() != null; // the development seed runs right after the schema is migrated
        });
        return token.get();
    }

    private static HttpResponse<String> post(String path, String token, String body, String traceparent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.url(ServiceKind.CORE) + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return services.send(request);
    }

    private static String field(HttpResponse<String> response, String name) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonMapper.builder().build().readTree(response.body()).path(name).asString();
    }

    /** Sample names of a Prometheus text exposition (the part before '{' or ' '). */
    static Set<String> names(String exposition) {
        Set<String> names = new HashSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    @Test
    void promQlNamesAreFoundAndLabelsFunctionsAndGroupingAreNot() {
        assertThat(PromQl.metricNames("sum by (job) (rate(http_server_requests_seconds_count{job=~\"a|b\",status=~\"5..\"}[5m])) "
                + "/ sum by (job) (rate(http_server_requests_seconds_count[5m])) > 0.02"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames("sum(rate(a_total[5m])) > 0 and sum(rate(b_seconds_count{x=\"y\"}[5m])) == 0"))
                .containsExactly("a_total", "b_seconds_count");
        assertThat(PromQl.metricNames("max(vatic_monitor_quote_seconds{quantile=\"0.99\"})"))
                .containsExactly("vatic_monitor_quote_seconds");
    }
}
