package com.vaticprop.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the devstack start-up benchmark: an empty Spring Boot web application with actuator, started and
 * measured the same way as a service (time to a 200 from its health endpoint, resident memory).
 */
@SpringBootApplication
public class EmptySpringBootApp {

    public static void main(String[] args) {
        SpringApplication.run(EmptySpringBootApp.class, args);
    }
}
