package com.vaticprop.marketdata.venue;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Creates the bean only when {@code MARKET_DATA_SOURCES} names at least one of these sources. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(SourceEnabledCondition.class)
public @interface ConditionalOnSource {
    String[] value();
}
