package com.vaticprop.core.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new Transactions(transactionManager);
    }
}
