package com.vaticprop.marketdata.venue;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Reads {@code MARKET_DATA_SOURCES} (comma-separated, case-insensitive) for {@link ConditionalOnSource}. */
final class SourceEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSource.class.getName());
        if (attributes == null) {
            return false;
        }
        Set<String> enabled = VenueSettings.sources(context.getEnvironment());
        return Arrays.stream((String[]) attributes.get("value")).anyMatch(enabled::contains);
    }
}
