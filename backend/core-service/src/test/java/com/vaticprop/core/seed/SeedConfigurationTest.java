package com.vaticprop.core.seed;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the development seed runs: by default only with APP_ENV=development, never in production. */
class SeedConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        @Conditional(SeedConfiguration.SeedEnabled.class)
        String seedProbe() {
            return "seed";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    @Test
    void onByDefaultInDevelopmentOnly() {
        runner.withPropertyValues("vatic.app-env=development").run(c -> assertThat(c).hasBean("seedProbe"));
        runner.withPropertyValues("vatic.app-env=test").run(c -> assertThat(c).doesNotHaveBean("seedProbe"));
        runner.withPropertyValues("vatic.app-env=production").run(c -> assertThat(c).doesNotHaveBean("seedProbe"));
    }

    @Test
    void theFlagSwitchesItButNeverInProduction() {
        runner.withPropertyValues("vatic.app-env=development", "vatic.seed.enabled=false")
                .run(c -> assertThat(c).doesNotHaveBean("seedProbe"));
        runner.withPropertyValues("vatic.app-env=development", "SEED_ENABLED=false")
                .run(c -> assertThat(c).doesNotHaveBean("seedProbe"));
        runner.withPropertyValues("vatic.app-env=test", "vatic.seed.enabled=true")
                .run(c -> assertThat(c).hasBean("seedProbe"));
        runner.withPropertyValues("vatic.app-env=production", "vatic.seed.enabled=true")
                .run(c -> assertThat(c).doesNotHaveBean("seedProbe"));
    }

    @Test
    void theSeedHasThreeAccountsAndTheThreeFixtureTiers() {
        assertThat(DevelopmentSeed.ACCOUNTS).extracting(DevelopmentSeed.Account::email)
                .containsExactly("admin@vaticprop.dev", "trader1@vaticprop.dev", "trader2@vaticprop.dev");
        assertThat(DevelopmentSeed.seedTiers()).hasSize(3);
    }
}
