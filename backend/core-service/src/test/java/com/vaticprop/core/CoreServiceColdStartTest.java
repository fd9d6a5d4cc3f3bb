package com.vaticprop.core;

import com.vaticprop.testkit.DedicatedInfrastructure;
import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.shell.ColdStartContract;
import org.junit.jupiter.api.Order;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs first (see junit-platform.properties): its reserved ports must still be free when it starts. */
@Order(1)
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoreServiceColdStartTest extends ColdStartContract {

    private static final DedicatedInfrastructure INFRA =
            DedicatedInfrastructure.reserve(Server.POSTGRES, Server.REDIS, Server.KAFKA);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
    }

    @Override
    protected DedicatedInfrastructure infrastructure() {
        return INFRA;
    }
}
