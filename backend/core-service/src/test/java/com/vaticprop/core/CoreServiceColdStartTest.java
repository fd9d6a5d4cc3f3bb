package com.vaticprop.core;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.shell.ColdStartContract;
import org.junit.jupiter.api.Order;
import org.springframework.boot.test.context.SpringBootTest;

/** Runs first (see junit-platform.properties): its reserved ports must still be free when it starts them. */
@Order(1)
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DedicatedServers(value = {Server.POSTGRES, Server.REDIS, Server.KAFKA}, started = false)
class CoreServiceColdStartTest extends ColdStartContract {
}
