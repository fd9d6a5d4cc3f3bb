package com.vaticprop.platform.events;

import com.vaticprop.platform.events.data.AccountSnapshot;
import com.vaticprop.platform.events.data.AdminAudit;
import com.vaticprop.platform.events.data.AssessmentCompleted;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentReinstated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.events.data.DayClosed;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.FundedEligible;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.MonitoringDegraded;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.events.data.OrderFilled;
import com.vaticprop.platform.events.data.PhasePassed;
import com.vaticprop.platform.events.data.PositionChanged;
import com.vaticprop.platform.events.data.PurchaseEvent;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.platform.events.data.SimulationProgress;
import com.vaticprop.platform.events.data.SimulationRequested;
import com.vaticprop.platform.events.data.ViolationDetected;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every event type: its wire name, the record its {@code data} maps to, the topics it travels on, and whether it
 * carries the per-assessment {@code seq} (only core-service's outbox events do, per the contracts).
 */
public enum EventType {
    MARKET_TICK("market-data.tick", MarketTick.class, false,
            EnumSet.of(Topic.BTC_TICKS, Topic.ETH_TICKS, Topic.SOL_TICKS, Topic.POLYMARKET_TICKS, Topic.KALSHI_TICKS)),
    MARKET_RESOLUTION("market-data.resolution", MarketResolution.class, false, Topic.MARKET_RESOLUTIONS),
    MARKET_STATUS("market-data.market-status", MarketStatusChanged.class, false, Topic.MARKET_STATUS),
    ORDER_PLACED("trading.order-placed", OrderEvent.class, true, Topic.ORDER_PLACED),
    ORDER_CANCELLED("trading.order-cancelled", OrderEvent.class, true, Topic.ORDER_CANCELLED),
    ORDER_REJECTED("trading.order-rejected", OrderEvent.class, true, Topic.ORDER_REJECTED),
    ORDER_FILLED("trading.order-filled", OrderFilled.class, true, Topic.ORDER_FILLED),
    POSITION_OPENED("trading.position-opened", PositionChanged.class, true, Topic.POSITION_OPENED),
    POSITION_CLOSED("trading.position-closed", PositionChanged.class, true, Topic.POSITION_CLOSED),
    ASSESSMENT_CREATED("assessment.created", AssessmentCreated.class, true, Topic.ASSESSMENT_CREATED),
    ASSESSMENT_STARTED("assessment.started", AssessmentStateChanged.class, true, Topic.ASSESSMENT_STARTED),
    ASSESSMENT_PAUSED("assessment.paused", AssessmentStateChanged.class, true, Topic.ASSESSMENT_PAUSED),
    ASSESSMENT_RESUMED("assessment.resumed", AssessmentStateChanged.class, true, Topic.ASSESSMENT_RESUMED),
    ASSESSMENT_ABANDONED("assessment.abandoned", AssessmentStateChanged.class, true, Topic.ASSESSMENT_ABANDONED),
    ASSESSMENT_REINSTATED("assessment.reinstated", AssessmentReinstated.class, true, Topic.ASSESSMENT_REINSTATED),
    ASSESSMENT_FUNDED_ELIGIBLE("assessment.funded-eligible", FundedEligible.class, true,
            Topic.ASSESSMENT_FUNDED_ELIGIBLE),
    ASSESSMENT_PHASE_PASSED("assessment.phase-passed", PhasePassed.class, true, Topic.ASSESSMENT_PHASE_PASSED),
    ASSESSMENT_DAY_CLOSED("assessment.day-closed", DayClosed.class, true, Topic.ASSESSMENT_DAY_CLOSED),
    ASSESSMENT_COMPLETED("assessment.completed", AssessmentCompleted.class, true, Topic.ASSESSMENT_COMPLETED),
    ACCOUNT_SNAPSHOT("assessment.account-snapshot", AccountSnapshot.class, false, Topic.ACCOUNT_SNAPSHOT),
    VIOLATION_DETECTED("rules.violation-detected", ViolationDetected.class, true, Topic.VIOLATION_DETECTED),
    MONITORING_DEGRADED("rules.monitoring-degraded", MonitoringDegraded.class, false, Topic.MONITORING_DEGRADED),
    SIMULATION_REQUESTED("montecarlo.simulation-requested", SimulationRequested.class, false,
            Topic.SIMULATION_REQUESTED),
    SIMULATION_PROGRESS("montecarlo.simulation-progress", SimulationProgress.class, false, Topic.SIMULATION_PROGRESS),
    SIMULATION_COMPLETED("montecarlo.simulation-completed", SimulationCompleted.class, false,
            Topic.SIMULATION_COMPLETED),
    PURCHASE_COMPLETED("payment.purchase-completed", PurchaseEvent.class, false, Topic.PURCHASE_COMPLETED),
    PURCHASE_FAILED("payment.purchase-failed", PurchaseEvent.class, false, Topic.PURCHASE_FAILED),
    PURCHASE_REFUNDED("payment.purchase-refunded", PurchaseEvent.class, false, Topic.PURCHASE_REFUNDED),
    ADMIN_AUDIT("admin.audit", AdminAudit.class, false, Topic.ADMIN_AUDIT);

    private final String wireName;
    private final Class<? extends EventData> dataType;
    private final boolean carriesSeq;
    private final Set<Topic> topics;

    EventType(String wireName, Class<? extends EventData> dataType, boolean carriesSeq, Topic topic) {
        this(wireName, dataType, carriesSeq, EnumSet.of(topic));
    }

    EventType(String wireName, Class<? extends EventData> dataType, boolean carriesSeq, Set<Topic> topics) {
        this.wireName = wireName;
        this.dataType = dataType;
        this.carriesSeq = carriesSeq;
        this.topics = topics;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /** True for the outbox events whose per-assessment {@code seq} orders them and is the WebSocket offset. */
    public boolean carriesSeq() {
        return carriesSeq;
    }

    public Set<Topic> topics() {
        return topics;
    }

    /** The single topic of a type that has one (all but market ticks, which go per instrument family). */
    public Topic topic() {
        if (topics.size() != 1) {
            throw new IllegalStateException(wireName + " travels on several topics; use Topic.ticksFor(instrument)");
        }
        return topics.iterator().next();
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
