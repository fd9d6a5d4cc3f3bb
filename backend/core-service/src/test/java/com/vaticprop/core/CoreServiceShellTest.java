package com.vaticprop.core;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.shell.ServiceShellContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DedicatedServers({Server.POSTGRES, Server.REDIS, Server.KAFKA})
class CoreServiceShellTest extends ServiceShellContract {
}
