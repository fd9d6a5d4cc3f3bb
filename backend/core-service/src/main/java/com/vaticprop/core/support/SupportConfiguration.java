package com.vaticprop.core.support;

import com.vaticprop.platform.jdbc.Transactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    /** The one serialization-retrying {@link Transactions} of core-service (platform's default attempts). */
    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new Transactions(transactionManager);
    }
}
