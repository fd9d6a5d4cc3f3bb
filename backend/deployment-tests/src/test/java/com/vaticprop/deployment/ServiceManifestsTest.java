package com.vaticprop.deployment;

import com.vaticprop.deployment.Manifests.Doc;
import com.vaticprop.platform.config.ServiceKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's {@code k8s/} directory, checked against the service itself: the container port is the one the
 * platform gives the service, the probes hit /health and /ready on it, the Service maps 80 to it, names, labels and
 * selectors agree, every required production variable comes from the ConfigMap or the secret, the autoscaler targets
 * the Deployment, the grace period covers the application's drain.
 */
class ServiceManifestsTest {

    /** Variables that travel in the service's secret (Secrets Manager or the ExternalSecret), never in a ConfigMap. */
    static final Set<String> SECRET_VARIABLES = Set.of("DATABASE_URL", "REDIS_PASSWORD", "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET", "SERVICE_CLIENT_SECRET", "JWT_SIGNING_KEYS", "KALSHI_API_KEY_ID",
            "KALSHI_PRIVATE_KEY", "KAFKA_SASL_PASSWORD");

    private static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void deploymentServiceAndProbesMatchTheApplication(ServiceKind kind) {
        String name = kind.serviceName();
        List<Doc> docs = Manifests.of(name);
        Deployment deployment = Manifests.named(docs, Deployment.class, name);
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertThat(selector).containsExactly(Map.entry("app", name));
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app", name);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
        for (Doc doc : docs) {
            assertThat(doc.resource().getMetadata().getNamespace()).as(doc.file() + ": no namespace hard-coded").isNull();
        }

        Container c = container(deployment);
        ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        assertThat(http.getContainerPort()).isEqualTo(kind.defaultPort());
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("PORT");
            assertThat(e.getValue()).isEqualTo(Integer.toString(kind.defaultPort()));
        });
        assertProbe(c.getStartupProbe(), "/health");
        assertProbe(c.getLivenessProbe(), "/health");
        assertProbe(c.getReadinessProbe(), "/ready");
        assertThat(c.getImage()).contains("/vatic-prop/" + name + ":");

        Service service = Manifests.named(docs, Service.class, name);
        assertThat(service.getSpec().getSelector()).isEqualTo(selector);
        ServicePort port = service.getSpec().getPorts().getFirst();
        assertThat(port.getPort()).isEqualTo(80);
        assertThat(port.getName()).isEqualTo("http");
        assertThat(port.getTargetPort().getStrVal()).isEqualTo(http.getName());
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getTimeoutSeconds()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void podsAreBoundedHardenedAndSpread(ServiceKind kind) {
        Deployment deployment = Manifests.named(Manifests.of(kind.serviceName()), Deployment.class, kind.serviceName());
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container c = container(deployment);

        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .as("memory request = limit: the heap is sized from the limit, the pod must get it")
                .isEqualByComparingTo(Quantity.getAmountInBytes(requests.get("memory")));
        assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L); // the image's USER
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        String tmpVolume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow().getName();
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmpVolume);
            assertThat(v.getEmptyDir()).isNotNull();
        });

        List<TopologySpreadConstraint> spread = pod.getTopologySpreadConstraints();
        assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey)
                .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(spread).allSatisfy(s -> assertThat(s.getLabelSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));

        assertThat(pod.getServiceAccountName()).isEqualTo(kind.serviceName());
        ServiceAccount sa = Manifests.named(Manifests.of(kind.serviceName()), ServiceAccount.class, kind.serviceName());
        assertThat(sa.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
                .matches("arn:aws:iam::\\d{12}:role/vatic-prop-" + kind.serviceName());
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void terminationGraceCoversThePreStopPauseAndTheApplicationsDrain(ServiceKind kind) {
        Deployment deployment = Manifests.named(Manifests.of(kind.serviceName()), Deployment.class, kind.serviceName());
        long preStop = container(deployment).getLifecycle().getPreStop().getSleep().getSeconds();
        Duration drain = DurationStyle.detectAndParse(platformSetting(kind, "spring.lifecycle.timeout-per-shutdown-phase"));
        assertThat(platformSetting(kind, "server.shutdown")).isEqualTo("graceful");

        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();

        assertThat(preStop).isPositive();
        assertThat(grace).isGreaterThanOrEqualTo(preStop + drain.toSeconds())
                .isLessThanOrEqualTo(preStop + drain.toSeconds() + 15);
    }

    /** What the platform sets for the service (the same post-processor the service runs at start-up). */
    static String platformSetting(ServiceKind kind, String property) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("vatic.service", kind.serviceName(), "vatic.dotenv.disabled", "true")));
        new com.vaticprop.platform.config.VaticEnvironmentPostProcessor(new DeferredLogFactory() {
            @Override
            public org.apache.commons.logging.Log getLog(
                    java.util.function.Supplier<org.apache.commons.logging.Log> destination) {
                return destination.get();
            }
        }).postProcessEnvironment(env, new SpringApplication());
        return env.getProperty(property);
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void everyVariableRequiredInProductionComesFromTheConfigMapOrTheSecret(ServiceKind kind) {
        List<Doc> docs = Manifests.of(kind.serviceName());
        ConfigMap config = Manifests.named(docs, ConfigMap.class, kind.serviceName());
        Container c = container(Manifests.named(docs, Deployment.class, kind.serviceName()));

        assertThat(c.getEnvFrom()).extracting(EnvFromSource::getConfigMapRef).filteredOn(r -> r != null)
                .anySatisfy(r -> assertThat(r.getName()).isEqualTo(kind.serviceName()));
        assertThat(c.getEnvFrom()).extracting(EnvFromSource::getSecretRef).filteredOn(r -> r != null)
                .anySatisfy(r -> assertThat(r.getName()).isEqualTo(kind.serviceName() + "-secrets"));
        assertThat(config.getData()).containsEntry("APP_ENV", "production")
                .containsKey("AWS_SECRETS_MANAGER_ARN");
        for (String variable : kind.requiredInProduction()) {
            assertThat(SECRET_VARIABLES.contains(variable) || config.getData().containsKey(variable))
                    .as(kind.serviceName() + " needs " + variable).isTrue();
        }
        assertThat(config.getData().keySet()).as("secrets stay out of ConfigMaps").doesNotContainAnyElementsOf(SECRET_VARIABLES);
        if (kind.schema().isPresent()) {
            assertThat(config.getData()).as("pods only validate; the migration Job migrates")
                    .containsEntry("VATIC_DATABASE_MIGRATE_ON_START", "false");
        }
        // the ExternalSecret alternative fills the Secret the Deployment reads
        GenericKubernetesResource external = Manifests.customNamed(
                Manifests.load(Manifests.root().resolve("deploy/external-secrets/" + kind.serviceName() + ".yaml")),
                "ExternalSecret", kind.serviceName()).orElseThrow();
        assertThat((String) Manifests.at(external, "spec", "target", "name")).isEqualTo(kind.serviceName() + "-secrets");
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void theAutoscalerTargetsTheDeploymentAndTheBudgetLeavesRoomToDrain(ServiceKind kind) {
        String name = kind.serviceName();
        List<Doc> docs = Manifests.of(name);
        Deployment deployment = Manifests.named(docs, Deployment.class, name);
        List<HorizontalPodAutoscaler> hpas = Manifests.ofType(docs, HorizontalPodAutoscaler.class);
        List<GenericKubernetesResource> scaledObjects = Manifests.custom(docs, "ScaledObject");
        assertThat(hpas.size() + scaledObjects.size()).as("exactly one autoscaler (KEDA owns its own HPA)").isEqualTo(1);

        int min;
        if (!hpas.isEmpty()) {
            HorizontalPodAutoscaler hpa = hpas.getFirst();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
            assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
            min = hpa.getSpec().getMinReplicas();
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(min);
        } else {
            GenericKubernetesResource so = scaledObjects.getFirst();
            assertThat((String) Manifests.at(so, "spec", "scaleTargetRef", "name")).isEqualTo(name);
            min = ((Number) Manifests.at(so, "spec", "minReplicaCount")).intValue();
            int max = ((Number) Manifests.at(so, "spec", "maxReplicaCount")).intValue();
            assertThat(max).isGreaterThanOrEqualTo(min);
        }
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(min);

        PodDisruptionBudget pdb = Manifests.named(docs, PodDisruptionBudget.class, name);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        if (pdb.getSpec().getMinAvailable() != null) {
            assertThat(pdb.getSpec().getMinAvailable().getIntVal())
                    .as("a minAvailable equal to the replicas would block every node drain")
                    .isLessThan(min);
        } else {
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isPositive();
        }
    }
}
