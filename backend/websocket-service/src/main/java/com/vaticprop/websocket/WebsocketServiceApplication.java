package com.vaticprop.websocket;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.websocket.config.ConnectionMemory;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** websocket-service: see README.md beside the pom for its API. */
@SpringBootApplication
public class WebsocketServiceApplication {

    public static void main(String[] args) {
        ConnectionMemory.applyTomcatWebSocketBuffers();
        VaticApplication.run(WebsocketServiceApplication.class, ServiceKind.WEBSOCKET, args);
    }
}
