package com.vaticprop.deployment;

import com.vaticprop.deployment.Manifests.Doc;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.platform.events.Topic;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio routing and authorization, scraping, alerts, the migration and topic Jobs, checked against the code. */
class MeshAndClusterManifestsTest {

    private static final String GATEWAY_PRINCIPAL = "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";
    private static final String PROMETHEUS_PRINCIPAL = "cluster.local/ns/monitoring/sa/prometheus-k8s";

    @Test
    void everyManifestParsesIntoTheKubernetesModelAndNoneHardCodesANamespace() {
        List<Doc> docs = Manifests.all();

        assertThat(docs).hasSizeGreaterThan(60);
        Map<String, Integer> kinds = new HashMap<>();
        for (Doc doc : docs) {
            assertThat(doc.resource().getApiVersion()).as(doc.file().toString()).isNotBlank();
            assertThat(doc.name()).as(doc.file().toString()).isNotBlank();
            assertThat(doc.resource().getMetadata().getNamespace()).as(doc.file().toString()).isNull();
            kinds.merge(doc.kind(), 1, Integer::sum);
        }
        assertThat(kinds).containsKeys("Deployment", "Service", "ServiceAccount", "ConfigMap", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Job", "Namespace", "VirtualService", "DestinationRule", "Gateway",
                "PeerAuthentication", "AuthorizationPolicy", "ServiceMonitor", "PrometheusRule", "ScaledObject",
                "ClusterTriggerAuthentication", "ExternalSecret", "ClusterSecretStore");
        // built-in kinds really became typed model objects (a typo in apiVersion would leave them generic)
        assertThat(docs).filteredOn(d -> Set.of("Deployment", "Service", "Job", "HorizontalPodAutoscaler",
                        "PodDisruptionBudget", "ConfigMap", "ServiceAccount", "Namespace").contains(d.kind()))
                .allSatisfy(d -> assertThat(d.resource()).isNotInstanceOf(GenericKubernetesResource.class));
    }

    @Test
    void theNamespaceIsMeshedAndMutualTlsIsStrict() {
        List<Doc> deploy = Manifests.yamlUnder(Manifests.root().resolve("deploy")).stream()
                .flatMap(f -> Manifests.load(f).stream()).toList();
        Namespace ns = Manifests.ofType(deploy, Namespace.class).getFirst();
        assertThat(ns.getMetadata().getLabels()).containsEntry("istio-injection", "enabled");
        GenericKubernetesResource peer = Manifests.custom(deploy, "PeerAuthentication").getFirst();
        assertThat((String) Manifests.at(peer, "spec", "mtls", "mode")).isEqualTo("STRICT");
        assertThat((Object) Manifests.at(peer, "spec", "selector")).as("namespace-wide").isNull();
        // the principals of the AuthorizationPolicies name this namespace
        for (GenericKubernetesResource policy : Manifests.custom(deploy, "AuthorizationPolicy")) {
            for (String principal : principals(policy)) {
                if (principal.startsWith("cluster.local/ns/vatic-prop/") || principal.equals(GATEWAY_PRINCIPAL)
                        || principal.equals(PROMETHEUS_PRINCIPAL)) {
                    continue;
                }
                throw new AssertionError(policy.getMetadata().getName() + ": unexpected principal " + principal
                        + " (namespace " + ns.getMetadata().getName() + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void publicRoutesExistInTheServiceAndOnlyTheGatewayAndNamedServiceAccountsReachIt(ServiceKind kind) throws IOException {
        String name = kind.serviceName();
        List<Doc> docs = Manifests.of(name);
        GenericKubernetesResource vs = Manifests.customNamed(docs, "VirtualService", name).orElseThrow();
        List<String> hosts = Manifests.at(vs, "spec", "hosts");
        assertThat(hosts).contains(name);
        List<Map<String, Object>> http = Manifests.at(vs, "spec", "http");
        List<String> publicPrefixes = new ArrayList<>();
        for (Map<String, Object> route : http) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> destinations = (List<Map<String, Object>>) route.get("route");
            assertThat(destinations).allSatisfy(d -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> dest = (Map<String, Object>) d.get("destination");
                assertThat(dest.get("host")).isEqualTo(name);
                assertThat(dest.get("port")).isEqualTo(Map.of("number", 80));
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> matches = (List<Map<String, Object>>) route.get("match");
            for (Map<String, Object> match : matches) {
                if (String.valueOf(match.get("gateways")).contains("vatic-gateway")) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> uri = (Map<String, String>) match.get("uri");
                    publicPrefixes.add(uri.values().iterator().next());
                }
            }
        }
        List<String> mappings = requestMappings(name);
        for (String prefix : publicPrefixes) {
            assertThat(mappings).as(name + " serves something under " + prefix)
                    .anyMatch(m -> m.equals(prefix) || m.startsWith(prefix + "/"));
        }

        GenericKubernetesResource policy = Manifests.customNamed(Manifests.load(Manifests.root()
                .resolve("deploy/istio/authorization/" + name + ".yaml")), "AuthorizationPolicy", name).orElseThrow();
        assertThat((String) Manifests.at(policy, "spec", "action")).isEqualTo("ALLOW");
        assertThat((Map<String, String>) Manifests.at(policy, "spec", "selector", "matchLabels"))
                .isEqualTo(Map.of("app", name));
        List<String> gatewayPaths = new ArrayList<>();
        List<Map<String, Object>> rules = Manifests.at(policy, "spec", "rules");
        for (int i = 0; i < rules.size(); i++) {
            List<String> from = Manifests.at(policy, "spec", "rules", i, "from", 0, "source", "principals");
            List<String> paths = Manifests.at(policy, "spec", "rules", i, "to", 0, "operation", "paths");
            assertThat(from).as("every rule names its callers").isNotEmpty();
            if (from.contains(GATEWAY_PRINCIPAL)) {
                gatewayPaths.addAll(paths);
            }
            for (String principal : from) {
                if (principal.startsWith("cluster.local/ns/vatic-prop/sa/")) {
                    String sa = principal.substring(principal.lastIndexOf('/') + 1);
                    assertThat(ServiceKind.fromName(sa).serviceName()).as("caller is one of the services").isEqualTo(sa);
                    assertThat(Manifests.named(Manifests.of(sa), ServiceAccount.class, sa)).isNotNull();
                }
            }
        }
        // the gateway reaches exactly the routes the VirtualService publishes
        for (String prefix : publicPrefixes) {
            assertThat(gatewayPaths).contains(prefix);
        }
        assertThat(gatewayPaths).allMatch(p -> publicPrefixes.contains(p.replaceAll("/\\*$", "")));
        // Prometheus may only GET /metrics
        assertThat(rules).anySatisfy(r -> assertThat(r.toString()).contains(PROMETHEUS_PRINCIPAL).contains("[/metrics]"));
    }

    @Test
    void noPublicPrefixIsClaimedByTwoServices() {
        Map<String, String> owner = new HashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            GenericKubernetesResource vs = Manifests.customNamed(Manifests.of(kind.serviceName()), "VirtualService",
                    kind.serviceName()).orElseThrow();
            String text = vs.getAdditionalProperties().toString();
            Matcher m = Pattern.compile("(?:prefix|exact)=(/[^,}]*)").matcher(text);
            while (m.find()) {
                String previous = owner.put(m.group(1), kind.serviceName());
                assertThat(previous).as(m.group(1)).isNull();
            }
        }
        for (String a : owner.keySet()) {
            for (String b : owner.keySet()) {
                if (!a.equals(b) && b.startsWith(a + "/")) {
                    assertThat(owner.get(a)).as(a + " shadows " + b).isEqualTo(owner.get(b));
                }
            }
        }
    }

    /** The HTTP paths the service's controllers map, as written in their annotations. */
    static List<String> requestMappings(String service) throws IOException {
        Pattern mapping = Pattern.compile("@(?:Get|Post|Put|Patch|Delete|Request)Mapping\\((?:value\\s*=\\s*|path\\s*=\\s*)?\"([^\"]+)\"");
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Manifests.serviceDir(service).resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = mapping.matcher(Files.readString(f));
                while (m.find()) {
                    paths.add(m.group(1).replaceAll("\\{[^}]+}", "x"));
                }
            }
        }
        if (service.equals("websocket-service")) {
            paths.add("/ws"); // a WebSocket handler, registered in code rather than by annotation
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static List<String> principals(GenericKubernetesResource policy) {
        List<String> all = new ArrayList<>();
        List<Map<String, Object>> rules = Manifests.at(policy, "spec", "rules");
        for (int i = 0; i < rules.size(); i++) {
            List<String> p = Manifests.at(policy, "spec", "rules", i, "from", 0, "source", "principals");
            all.addAll(p);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void destinationRulesAndScrapingPointAtTheService(ServiceKind kind) {
        String name = kind.serviceName();
        GenericKubernetesResource dr = Manifests.customNamed(Manifests.of(name), "DestinationRule", name).orElseThrow();
        assertThat((String) Manifests.at(dr, "spec", "host")).isEqualTo(name);
        assertThat((String) Manifests.at(dr, "spec", "trafficPolicy", "tls", "mode")).isEqualTo("ISTIO_MUTUAL");
        assertThat((Object) Manifests.at(dr, "spec", "trafficPolicy", "outlierDetection")).isNotNull();
        assertThat((Object) Manifests.at(dr, "spec", "trafficPolicy", "connectionPool")).isNotNull();
        if (kind == ServiceKind.WEBSOCKET) {
            assertThat((String) Manifests.at(dr, "spec", "trafficPolicy", "loadBalancer", "consistentHash",
                    "httpQueryParameterName")).isEqualTo("assessment_id");
        }

        GenericKubernetesResource monitor = Manifests.customNamed(Manifests.load(Manifests.root()
                .resolve("deploy/monitoring/servicemonitors/" + name + ".yaml")), "ServiceMonitor", name).orElseThrow();
        assertThat((Map<String, String>) Manifests.at(monitor, "spec", "selector", "matchLabels"))
                .isEqualTo(Map.of("app", name));
        assertThat((String) Manifests.at(monitor, "spec", "endpoints", 0, "port")).isEqualTo("http");
        assertThat((String) Manifests.at(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/metrics");
        assertThat(Manifests.named(Manifests.of(name), io.fabric8.kubernetes.api.model.Service.class, name)
                .getMetadata().getLabels()).containsEntry("app", name);
    }

    @Test
    void everyAlertHasARunbookSectionAndTheRequiredAlertsExist() throws IOException {
        GenericKubernetesResource rule = Manifests.custom(Manifests.load(Manifests.root()
                .resolve("deploy/monitoring/prometheus-rules.yaml")), "PrometheusRule").getFirst();
        String runbooks = Files.readString(Manifests.root().resolve("deploy/runbooks.md"));
        List<Map<String, Object>> rules = Manifests.at(rule, "spec", "groups", 0, "rules");
        Set<String> anchors = new HashSet<>();
        for (Map<String, Object> r : rules) {
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) r.get("annotations");
            String url = annotations.get("runbook_url");
            assertThat(url).as(r.get("alert") + " runbook").contains("deploy/runbooks.md#");
            String anchor = url.substring(url.indexOf('#') + 1);
            assertThat(runbooks).as("runbook section for " + anchor).contains("\n## " + anchor + "\n");
            anchors.add(anchor);
            assertThat(r.get("expr")).isNotNull();
        }
        assertThat(anchors).contains("service-down", "readiness-flapping", "consumer-lag", "stale-market-data",
                "rule-monitor-degraded", "slow-consumer-closes", "http-5xx-rate");
    }

    @Test
    void eachSchemaOwnerHasAMigrationJobRunningItsMigrateCommandAndNoOtherServiceHasOne() {
        List<Doc> migrations = Manifests.yamlUnder(Manifests.root().resolve("deploy/migrations")).stream()
                .flatMap(f -> Manifests.load(f).stream()).toList();
        List<Job> jobs = Manifests.ofType(migrations, Job.class);
        Set<String> migrated = new HashSet<>();
        for (Job job : jobs) {
            Container c = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
            String service = job.getMetadata().getName().replace("-migrate", "");
            ServiceKind kind = ServiceKind.fromName(service);
            assertThat(kind.schema()).as(service + " owns a schema").isPresent();
            assertThat(c.getArgs()).containsExactly("migrate");
            assertThat(c.getImage()).isEqualTo(container(service).getImage());
            assertThat(c.getEnvFrom().getFirst().getConfigMapRef().getName()).isEqualTo(service);
            assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as("a sidecar would keep the Job from completing").containsEntry("sidecar.istio.io/inject", "false");
            String sa = job.getSpec().getTemplate().getSpec().getServiceAccountName();
            assertThat(Manifests.named(migrations, ServiceAccount.class, sa).getMetadata().getAnnotations())
                    .containsKey("eks.amazonaws.com/role-arn");
            assertThat(c.getEnv()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("AWS_SECRETS_MANAGER_ARN");
                assertThat(e.getValue()).endsWith("secret:vatic-prop/" + service + "-migrator");
            });
            migrated.add(service);
        }
        Set<String> owners = new HashSet<>();
        for (ServiceKind kind : ServiceKind.values()) {
            kind.schema().ifPresent(s -> owners.add(kind.serviceName()));
        }
        assertThat(migrated).isEqualTo(owners);
    }

    private static Container container(String service) {
        return Manifests.named(Manifests.of(service), io.fabric8.kubernetes.api.model.apps.Deployment.class, service)
                .getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    @Test
    void theTopicJobProvisionsTheCatalogueForMskAndKedaNeverOutgrowsThePartitions() {
        List<Doc> docs = Manifests.load(Manifests.root().resolve("deploy/kafka/topics-job.yaml"));
        Job job = Manifests.named(docs, Job.class, "kafka-topics");
        Container c = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getArgs()).hasSize(4).startsWith("provision-topics");
        int partitions = Integer.parseInt(c.getArgs().get(1));
        assertThat(c.getArgs().subList(2, 4)).as("replication 3, min.insync.replicas 2").containsExactly("3", "2");
        String service = c.getEnvFrom().getFirst().getConfigMapRef().getName();
        assertThat(c.getImage()).isEqualTo(container(service).getImage());
        ConfigMap config = Manifests.named(Manifests.of(service), ConfigMap.class, service);
        assertThat(config.getData()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")
                .containsEntry("KAFKA_TOPIC_PARTITIONS", Integer.toString(partitions))
                .containsEntry("KAFKA_TOPIC_REPLICATION", "3");
        assertThat(config.getData().get("KAFKA_BROKERS")).contains(":9098"); // MSK's IAM/TLS listener
        assertThat(Manifests.named(docs, ServiceAccount.class, "kafka-topics").getMetadata().getAnnotations())
                .containsKey("eks.amazonaws.com/role-arn");

        for (ServiceKind kind : ServiceKind.values()) {
            for (GenericKubernetesResource so : Manifests.custom(Manifests.of(kind.serviceName()), "ScaledObject")) {
                String topic = Manifests.at(so, "spec", "triggers", 0, "metadata", "topic");
                assertThat(Topic.byName(topic)).as(topic + " is a catalogue topic").isPresent();
                assertThat((String) Manifests.at(so, "spec", "triggers", 0, "type")).isEqualTo("kafka");
                assertThat(((Number) Manifests.at(so, "spec", "maxReplicaCount")).intValue())
                        .as("more consumers than partitions would idle").isLessThanOrEqualTo(partitions);
                ConfigMap own = Manifests.named(Manifests.of(kind.serviceName()), ConfigMap.class, kind.serviceName());
                assertThat((String) Manifests.at(so, "spec", "triggers", 0, "metadata", "bootstrapServers"))
                        .isEqualTo(own.getData().get("KAFKA_BROKERS"));
            }
        }
        // the consumer group KEDA watches is the one monte-carlo's job consumers join
        GenericKubernetesResource mc = Manifests.custom(Manifests.of("monte-carlo-service"), "ScaledObject").getFirst();
        String group = Manifests.at(mc, "spec", "triggers", 0, "metadata", "consumerGroup");
        assertThat(sourceOf("monte-carlo-service", "jobs/JobFeed.java")).contains("\"" + group + "\"");
        assertThat((String) Manifests.at(mc, "spec", "triggers", 0, "metadata", "topic"))
                .isEqualTo(Topic.SIMULATION_REQUESTED.topicName());
    }

    private static String sourceOf(String service, String relative) {
        try (Stream<Path> files = Files.walk(Manifests.serviceDir(service).resolve("src/main/java"))) {
            Path file = files.filter(p -> p.toString().endsWith(relative)).findFirst().orElseThrow();
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
