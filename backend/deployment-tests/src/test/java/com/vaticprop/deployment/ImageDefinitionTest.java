package com.vaticprop.deployment;

import com.vaticprop.platform.boot.HealthProbe;
import com.vaticprop.platform.config.ServiceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles and the Jib profiles, checked without a Docker engine (none exists here): the five Dockerfiles are
 * one file apart from the service name and port, the port is the platform's, the jar they unpack is the one the
 * service's build produces, the HEALTHCHECK class exists, and Jib gives each service the same port, user and flags.
 */
class ImageDefinitionTest {

    private static String dockerfile(String service) throws Exception {
        return Files.readString(Manifests.serviceDir(service).resolve("Dockerfile"));
    }

    @Test
    void theFiveDockerfilesDifferOnlyInServiceAndPort() throws Exception {
        String reference = dockerfile("core-service").replace("core-service", "SERVICE")
                .replace("ARG PORT=3000", "ARG PORT=PORT");
        for (ServiceKind kind : ServiceKind.values()) {
            String normalised = dockerfile(kind.serviceName()).replace(kind.serviceName(), "SERVICE")
                    .replace("ARG PORT=" + kind.defaultPort(), "ARG PORT=PORT");
            assertThat(normalised).as(kind.serviceName()).isEqualTo(reference);
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachDockerfileBuildsWithTheWrapperAndRunsNonRootOnASlimJre(ServiceKind kind) throws Exception {
        String service = kind.serviceName();
        String file = dockerfile(service);
        List<String> from = file.lines().filter(l -> l.startsWith("FROM ")).toList();

        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:2[1-9]-jdk-\\S+ AS build");
        assertThat(from.get(1)).matches("FROM eclipse-temurin:2[1-9]-jre-\\S+");
        assertThat(file).contains("ARG SERVICE=" + service + "\n", "ARG PORT=" + kind.defaultPort() + "\n")
                .contains("./mvnw -B -q -pl backend/${SERVICE} -am")
                .contains("-Djarmode=tools -jar backend/${SERVICE}/target/${SERVICE}-exec.jar")
                .contains("extract --layers --launcher")
                .contains("USER 10001:10001")
                .contains("EXPOSE ${PORT}")
                .contains("HEALTHCHECK ")
                .contains(HealthProbe.class.getName())
                .contains("org.opencontainers.image.title", "org.opencontainers.image.revision",
                        "org.opencontainers.image.source", "org.opencontainers.image.version")
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        // the layers are copied least-changing first, so an application change rebuilds only the last layer
        assertThat(file.indexOf("/layers/dependencies/")).isLessThan(file.indexOf("/layers/spring-boot-loader/"));
        assertThat(file.indexOf("/layers/snapshot-dependencies/")).isLessThan(file.indexOf("/layers/application/"));
        // the exec jar the Dockerfile unpacks is the one the service's pom produces
        String pom = Files.readString(Manifests.serviceDir(service).resolve("pom.xml"));
        assertThat(pom).contains("<finalName>" + service + "</finalName>").contains("<classifier>exec</classifier>");
        assertThat(Files.exists(Manifests.serviceDir(service).resolve("Dockerfile.dockerignore"))).isTrue();
    }

    @Test
    void jibGivesEveryServiceItsOwnPortAndTheDockerfilesUserAndFlags() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Manifests.root().resolve("pom.xml").toFile());
        Map<String, String> ports = new HashMap<>();
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String id = text(profile, "id");
            if (!id.startsWith("jib-")) {
                continue;
            }
            String exists = text(profile, "exists").replace("${basedir}/", "");
            String service = id.substring("jib-".length());
            assertThat(Files.isRegularFile(Manifests.serviceDir(service).resolve(exists)))
                    .as(id + " activates on a file of " + service).isTrue();
            assertThat(text(profile, "vatic.jib.skip")).isEqualTo("false");
            ports.put(service, text(profile, "vatic.service.port"));
        }
        Map<String, String> expected = new HashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            expected.put(kind.serviceName(), Integer.toString(kind.defaultPort()));
        }
        assertThat(ports).isEqualTo(expected);

        String root = Files.readString(Manifests.root().resolve("pom.xml"));
        String jib = root.substring(root.indexOf("<artifactId>jib-maven-plugin</artifactId>"));
        jib = jib.substring(0, jib.indexOf("</plugin>"));
        assertThat(jib).contains("<skip>${vatic.jib.skip}</skip>", "<user>10001:10001</user>",
                "<jvmFlag>-XX:MaxRAMPercentage=75</jvmFlag>", "<jvmFlag>-XX:+ExitOnOutOfMemoryError</jvmFlag>",
                "<PORT>${vatic.service.port}</PORT>", "<port>${vatic.service.port}</port>",
                "<org.opencontainers.image.title>");
        assertThat(root).contains("<vatic.jib.skip>true</vatic.jib.skip>");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
