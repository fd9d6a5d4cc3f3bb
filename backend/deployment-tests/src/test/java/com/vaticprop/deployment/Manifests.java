package com.vaticprop.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every Kubernetes manifest of the repository (backend/*&#47;k8s and deploy/), parsed into fabric8's model: built-in
 * kinds into their typed classes, custom resources (Istio, KEDA, Prometheus Operator, External Secrets) into
 * {@link GenericKubernetesResource}. A document that does not parse fails the test that loads it.
 */
final class Manifests {

    /** One parsed document and the file it came from. */
    record Doc(Path file, HasMetadata resource) {
        String kind() {
            return resource.getKind();
        }

        String name() {
            return resource.getMetadata().getName();
        }
    }

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("backend")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path serviceDir(String service) {
        return root().resolve("backend").resolve(service);
    }

    /** All YAML files under backend/*&#47;k8s and deploy/. */
    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> services = Files.list(root().resolve("backend"))) {
            for (Path k8s : services.map(p -> p.resolve("k8s")).filter(Files::isDirectory).sorted().toList()) {
                files.addAll(yamlUnder(k8s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.addAll(yamlUnder(root().resolve("deploy")));
        return files;
    }

    static List<Path> yamlUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Doc> docs = new ArrayList<>();
        for (String part : text.split("(?m)^---\\s*$")) {
            if (part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            HasMetadata resource = SERIALIZATION.unmarshal(part, HasMetadata.class);
            docs.add(new Doc(file, resource));
        }
        return docs;
    }

    static List<Doc> all() {
        return files().stream().flatMap(f -> load(f).stream()).toList();
    }

    static List<Doc> of(String service) {
        return yamlUnder(serviceDir(service).resolve("k8s")).stream().flatMap(f -> load(f).stream()).toList();
    }

    static <T extends HasMetadata> List<T> ofType(List<Doc> docs, Class<T> type) {
        return docs.stream().map(Doc::resource).filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> custom(List<Doc> docs, String kind) {
        return docs.stream().map(Doc::resource).filter(r -> r instanceof GenericKubernetesResource && r.getKind().equals(kind))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    static <T extends HasMetadata> T named(List<Doc> docs, Class<T> type, String name) {
        return ofType(docs, type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    static Optional<GenericKubernetesResource> customNamed(List<Doc> docs, String kind, String name) {
        return custom(docs, kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** A value inside a custom resource's body, e.g. {@code at(vs, "spec", "http")}. */
    @SuppressWarnings("unchecked")
    static <T> T at(GenericKubernetesResource resource, Object... path) {
        Object node = resource.getAdditionalProperties();
        for (Object step : path) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(step);
            } else if (node instanceof List<?> list && step instanceof Integer i) {
                node = list.get(i);
            } else {
                return null;
            }
        }
        return (T) node;
    }
}
