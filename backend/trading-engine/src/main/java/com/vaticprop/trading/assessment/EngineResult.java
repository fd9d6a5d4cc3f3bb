package com.vaticprop.trading.assessment;

import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.rules.RuleCheck;

import java.util.List;

/** What one input produced: events in order, and every rule check evaluated along the way. */
public record EngineResult(List<EngineEvent> events, List<RuleCheck> checks) {
    public EngineResult {
        events = List.copyOf(events);
        checks = List.copyOf(checks);
    }

    public List<Fill> fills() {
        return events.stream().filter(e -> e instanceof EngineEvent.OrderFilled)
                .map(e -> ((EngineEvent.OrderFilled) e).fill()).toList();
    }

    public <T extends EngineEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
