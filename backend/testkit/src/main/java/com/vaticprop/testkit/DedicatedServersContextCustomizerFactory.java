package com.vaticprop.testkit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Starts (or reserves) the servers a test class asks for with {@link DedicatedServers}. */
public final class DedicatedServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        DedicatedServers servers = AnnotatedElementUtils.findMergedAnnotation(testClass, DedicatedServers.class);
        return servers == null ? null : new Customizer(testClass, servers);
    }

    /** One per test class, so each class gets its own context and its own servers. */
    private record Customizer(Class<?> testClass, DedicatedServers servers) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            DedicatedInfrastructure infra = DedicatedInfrastructure.forTestClass(testClass, servers.started(),
                    Arrays.asList(servers.value()));
            Map<String, Object> properties = new java.util.HashMap<>(infra.properties());
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("dedicatedServers", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer c && c.testClass.equals(testClass);
        }

        @Override
        public int hashCode() {
            return testClass.hashCode();
        }
    }
}
