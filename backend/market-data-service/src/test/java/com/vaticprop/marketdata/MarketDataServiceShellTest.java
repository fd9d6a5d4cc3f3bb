package com.vaticprop.marketdata;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.shell.ServiceShellContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = MarketDataServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DedicatedServers({Server.REDIS, Server.KAFKA})
class MarketDataServiceShellTest extends ServiceShellContract {
}
