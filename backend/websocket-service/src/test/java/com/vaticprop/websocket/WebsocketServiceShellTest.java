package com.vaticprop.websocket;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;
import com.vaticprop.testkit.DedicatedServers;
import com.vaticprop.testkit.shell.ServiceShellContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = WebsocketServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DedicatedServers({Server.REDIS, Server.KAFKA})
class WebsocketServiceShellTest extends ServiceShellContract {
}
