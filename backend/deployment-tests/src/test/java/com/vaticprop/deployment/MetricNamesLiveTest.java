package com.vaticprop.deployment;

import com.vaticprop.platform.config.ServiceKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
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

/**
 * Every metric name the alert rules and the Grafana dashboards read appears on a live {@code /metrics} of the five
 * services, started from their executable jars against embedded Kafka, PostgreSQL and Redis with the simulated
 * market feed (development mode) — so a renamed meter breaks this test, not a production alert. Exempt: {@code up}
 * (made by Prometheus) and {@code kube_pod_status_ready} (kube-state-metrics).
 */
class MetricNamesLiveTest {

    private static final Set<String> NOT_FROM_THE_SERVICES = Set.of("up", "kube_pod_status_ready");
    private static RunningServices services;

    @BeforeAll
    static void startServices() throws Exception {
        services = RunningServices.start(Map.of());
        services.awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
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
