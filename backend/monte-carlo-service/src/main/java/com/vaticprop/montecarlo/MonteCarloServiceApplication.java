package com.vaticprop.montecarlo;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceKind;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** monte-carlo-service: see README.md beside the pom for its API. */
@SpringBootApplication
public class MonteCarloServiceApplication {

    public static void main(String[] args) {
        VaticApplication.run(MonteCarloServiceApplication.class, ServiceKind.MONTE_CARLO, args);
    }
}
