package com.vaticprop.platform.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The topic catalogue of the contracts: name, what the record key is, and how long Kafka keeps the records
 * (or whether the topic is compacted, latest-wins per key). Topic creation and the README's table come from here.
 */
public enum Topic {
    BTC_TICKS("market-data.btc-ticks", Key.INSTRUMENT, Duration.ofDays(7)),
    ETH_TICKS("market-data.eth-ticks", Key.INSTRUMENT, Duration.ofDays(7)),
    SOL_TICKS("market-data.sol-ticks", Key.INSTRUMENT, Duration.ofDays(7)),
    POLYMARKET_TICKS("market-data.polymarket-ticks", Key.INSTRUMENT, Duration.ofDays(7)),
    KALSHI_TICKS("market-data.kalshi-ticks", Key.INSTRUMENT, Duration.ofDays(7)),
    MARKET_RESOLUTIONS("market-data.resolutions", Key.INSTRUMENT, Duration.ofDays(30)),
    MARKET_STATUS("market-data.market-status", Key.INSTRUMENT, null),
    ORDER_PLACED("trading.order-placed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ORDER_CANCELLED("trading.order-cancelled", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ORDER_REJECTED("trading.order-rejected", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ORDER_FILLED("trading.order-filled", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    POSITION_OPENED("trading.position-opened", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    POSITION_CLOSED("trading.position-closed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_CREATED("assessment.created", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_STARTED("assessment.started", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_PAUSED("assessment.paused", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_RESUMED("assessment.resumed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_ABANDONED("assessment.abandoned", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_REINSTATED("assessment.reinstated", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_FUNDED_ELIGIBLE("assessment.funded-eligible", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_PHASE_PASSED("assessment.phase-passed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_DAY_CLOSED("assessment.day-closed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ASSESSMENT_COMPLETED("assessment.completed", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    ACCOUNT_SNAPSHOT("assessment.account-snapshot", Key.ASSESSMENT_ID, null),
    VIOLATION_DETECTED("rules.violation-detected", Key.ASSESSMENT_ID, Duration.ofDays(30)),
    MONITORING_DEGRADED("rules.monitoring-degraded", Key.INSTRUMENT, Duration.ofDays(30)),
    SIMULATION_REQUESTED("montecarlo.simulation-requested", Key.SIMULATION_ID, Duration.ofDays(7)),
    SIMULATION_PROGRESS("montecarlo.simulation-progress", Key.ASSESSMENT_OR_SIMULATION_ID, Duration.ofDays(7)),
    SIMULATION_COMPLETED("montecarlo.simulation-completed", Key.ASSESSMENT_OR_SIMULATION_ID, Duration.ofDays(30)),
    PURCHASE_COMPLETED("payment.purchase-completed", Key.PURCHASE_ID, Duration.ofDays(30)),
    PURCHASE_FAILED("payment.purchase-failed", Key.PURCHASE_ID, Duration.ofDays(30)),
    PURCHASE_REFUNDED("payment.purchase-refunded", Key.PURCHASE_ID, Duration.ofDays(30)),
    ADMIN_AUDIT("admin.audit", Key.SUBJECT_ID, Duration.ofDays(365));

    /** What a topic's record key holds; it decides partitioning, hence per-key ordering. */
    public enum Key { INSTRUMENT, ASSESSMENT_ID, SIMULATION_ID, ASSESSMENT_OR_SIMULATION_ID, PURCHASE_ID, SUBJECT_ID }

    private final String topicName;
    private final Key key;
    private final Duration retention;

    Topic(String topicName, Key key, Duration retention) {
        this.topicName = topicName;
        this.key = key;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    public Key key() {
        return key;
    }

    /** How long records are kept; empty for compacted (latest-wins) topics. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    public boolean compacted() {
        return retention == null;
    }

    public static Optional<Topic> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }

    /** The tick topic an instrument's quotes travel on. */
    public static Topic ticksFor(String instrument) {
        if (instrument.startsWith("POLY:")) {
            return POLYMARKET_TICKS;
        }
        if (instrument.startsWith("KALSHI:")) {
            return KALSHI_TICKS;
        }
        return switch (instrument) {
            case "BTC-USD" -> BTC_TICKS;
            case "ETH-USD" -> ETH_TICKS;
            case "SOL-USD" -> SOL_TICKS;
            default -> throw new IllegalArgumentException("no tick topic for instrument " + instrument);
        };
    }
}
