package com.vaticprop.core;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceKind;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** core-service: see README.md beside the pom for its API. */
@SpringBootApplication
public class CoreServiceApplication {

    public static void main(String[] args) {
        VaticApplication.run(CoreServiceApplication.class, ServiceKind.CORE, args);
    }
}
