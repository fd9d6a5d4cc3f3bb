package com.vaticprop.testkit;

import com.vaticprop.testkit.DedicatedInfrastructure.Server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @SpringBootTest} class servers of its own (see {@link DedicatedInfrastructure}) and points the
 * service at them through the production variables, without any per-class wiring code.
 * {@code started = false} only reserves their ports, for tests of a service starting before its dependencies.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface DedicatedServers {

    Server[] value();

    boolean started() default true;
}
