package com.vaticprop.montecarlo;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.shell.ServiceShellContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = MonteCarloServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DedicatedServers({Server.POSTGRES, Server.KAFKA})
class MonteCarloServiceShellTest extends ServiceShellContract {
}
