package com.vaticprop.core.seed;

import com.vaticprop.core.identity.IdentityService;
import com.vaticprop.core.tier.TierService;
import com.vaticprop.platform.migration.DatabaseMigrator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link DevelopmentSeed} runs with {@code vatic.seed.enabled} (SEED_ENABLED), which defaults to true when
 * {@code APP_ENV=development} and false otherwise; it never runs in production (its passwords are public).
 */
@Configuration(proxyBeanMethods = false)
class SeedConfiguration {

    @Bean
    @Conditional(SeedEnabled.class)
    DevelopmentSeed developmentSeed(IdentityService identity, TierService tiers, DatabaseMigrator migrator) {
        return new DevelopmentSeed(identity, tiers, migrator);
    }

    static final class SeedEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String appEnv = context.getEnvironment().getProperty("vatic.app-env", "development");
            if ("production".equals(appEnv)) {
                return false;
            }
            String flag = context.getEnvironment().getProperty("vatic.seed.enabled",
                    context.getEnvironment().getProperty("SEED_ENABLED"));
            return flag == null ? "development".equals(appEnv) : Boolean.parseBoolean(flag.trim());
        }
    }
}
