package com.vaticprop.core.fairness;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One suspicious pattern for an operator to review: which users and assessments, how often, the evidence (ids and
 * times of the orders, fills or positions involved) and a sentence saying why it was reported.
 */
public record Finding(Pattern pattern, List<UUID> users, List<UUID> assessments, List<String> instruments,
                      int occurrences, String explanation, List<Map<String, Object>> evidence) {

    public enum Pattern { CROSS_ACCOUNT_HEDGING, COPY_TRADING, LATENCY_ARBITRAGE }
}
