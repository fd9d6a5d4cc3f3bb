package com.vaticprop.marketdata;

import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.shell.ServiceShellContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = MarketDataServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketDataServiceShellTest extends ServiceShellContract {

    private static final DedicatedInfrastructure INFRA = DedicatedInfrastructure.start(Server.REDIS, Server.KAFKA);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
    }

    @Override
    protected DedicatedInfrastructure infrastructure() {
        return INFRA;
    }

    @Override
    protected String serviceName() {
        return "market-data-service";
    }
}
