package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicCatalogueTest {

    private record Row(String key, String retention) {
    }

    /** The topic table of CONTRACTS.md, restated: name → key, retention ("compacted" or days). */
    static final Map<String, Row> CONTRACT = contract();

    private static Map<String, Row> contract() {
        Map<String, Row> t = new LinkedHashMap<>();
        for (String venue : List.of("btc", "eth", "sol", "polymarket", "kalshi")) {
            t.put("market-data." + venue + "-ticks", new Row("INSTRUMENT", "7"));
        }
        t.put("market-data.resolutions", new Row("INSTRUMENT", "30"));
        t.put("market-data.market-status", new Row("INSTRUMENT", "compacted"));
        for (String s : List.of("order-placed", "order-cancelled", "order-rejected", "order-filled",
                "position-opened", "position-closed")) {
            t.put("trading." + s, new Row("ASSESSMENT_ID", "30"));
        }
        for (String s : List.of("created", "started", "paused", "resumed", "abandoned", "reinstated",
                "funded-eligible", "phase-passed", "day-closed", "completed")) {
            t.put("assessment." + s, new Row("ASSESSMENT_ID", "30"));
        }
        t.put("assessment.account-snapshot", new Row("ASSESSMENT_ID", "compacted"));
        t.put("rules.violation-detected", new Row("ASSESSMENT_ID", "30"));
        t.put("rules.monitoring-degraded", new Row("INSTRUMENT", "30"));
        t.put("montecarlo.simulation-requested", new Row("SIMULATION_ID", "7"));
        t.put("montecarlo.simulation-progress", new Row("ASSESSMENT_OR_SIMULATION_ID", "7"));
        t.put("montecarlo.simulation-completed", new Row("ASSESSMENT_OR_SIMULATION_ID", "30"));
        for (String s : List.of("purchase-completed", "purchase-failed", "purchase-refunded")) {
            t.put("payment." + s, new Row("PURCHASE_ID", "30"));
        }
        t.put("admin.audit", new Row("SUBJECT_ID", "365"));
        return t;
    }

    @Test
    void theCatalogueIsTheContractsTopicTable() {
        assertThat(CONTRACT).hasSize(33);
        Map<String, Row> catalogue = Arrays.stream(Topic.values()).collect(Collectors.toMap(Topic::topicName,
                t -> new Row(t.key().name(), t.compacted() ? "compacted"
                        : Long.toString(t.retention().orElseThrow().toDays())), (a, b) -> a, LinkedHashMap::new));
        assertThat(catalogue).containsExactlyInAnyOrderEntriesOf(CONTRACT);
    }

    @Test
    void exactlyMarketStatusAndAccountSnapshotAreCompacted() {
        assertThat(Arrays.stream(Topic.values()).filter(Topic::compacted))
                .containsExactlyInAnyOrder(Topic.MARKET_STATUS, Topic.ACCOUNT_SNAPSHOT);
        for (Topic t : Topic.values()) {
            assertThat(t.retention().isEmpty()).isEqualTo(t.compacted());
            assertThat(Topic.byName(t.topicName())).contains(t);
        }
        assertThat(Topic.ADMIN_AUDIT.retention()).contains(Duration.ofDays(365));
        assertThat(Topic.byName("market-data.doge-ticks")).isEmpty();
    }

    @Test
    void thePlanAsksKafkaForTheRetentionOrCompaction() {
        List<NewTopic> plan = TopicPlan.newTopics(6, (short) 3);
        assertThat(plan).hasSize(Topic.values().length);
        for (NewTopic t : plan) {
            Row row = CONTRACT.get(t.name());
            assertThat(t.numPartitions()).isEqualTo(6);
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            if (row.retention().equals("compacted")) {
                assertThat(t.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
            } else {
                assertThat(t.configs()).containsOnly(Map.entry("cleanup.policy", "delete"),
                        Map.entry("retention.ms", Long.toString(Long.parseLong(row.retention()) * 86_400_000L)));
            }
        }
    }

    @Test
    void everyTopicCarriesAtLeastOneEventTypeAndEveryTypeATopic() {
        Set<Topic> used = EnumSet.noneOf(Topic.class);
        for (EventType type : EventType.values()) {
            assertThat(type.topics()).as(type.wireName()).isNotEmpty();
            used.addAll(type.topics());
        }
        assertThat(used).containsExactlyInAnyOrder(Topic.values());
        assertThat(EventType.ACCOUNT_SNAPSHOT.topic()).isEqualTo(Topic.ACCOUNT_SNAPSHOT);
        assertThat(EventType.PURCHASE_REFUNDED.topic()).isEqualTo(Topic.PURCHASE_REFUNDED);
        assertThatThrownBy(EventType.MARKET_TICK::topic).isInstanceOf(IllegalStateException.class);
        // the seq-carrying types travel on assessment-keyed topics: one assessment's events stay in order per topic
        for (EventType type : EventType.values()) {
            if (type.carriesSeq()) {
                assertThat(type.topic().key()).as(type.wireName()).isEqualTo(Topic.Key.ASSESSMENT_ID);
            }
        }
    }

    @Test
    void ticksGoToTheirInstrumentFamilysTopic() {
        assertThat(Topic.ticksFor("BTC-USD")).isEqualTo(Topic.BTC_TICKS);
        assertThat(Topic.ticksFor("ETH-USD")).isEqualTo(Topic.ETH_TICKS);
        assertThat(Topic.ticksFor("SOL-USD")).isEqualTo(Topic.SOL_TICKS);
        assertThat(Topic.ticksFor("POLY:71321045679252212594626385532706912750332728571942532289631379312455583992563"))
                .isEqualTo(Topic.POLYMARKET_TICKS);
        assertThat(Topic.ticksFor("KALSHI:FED-25DEC-T4.00:NO")).isEqualTo(Topic.KALSHI_TICKS);
        assertThatThrownBy(() -> Topic.ticksFor("DOGE-USD")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventType.MARKET_TICK.topics()).containsExactlyInAnyOrder(Topic.BTC_TICKS, Topic.ETH_TICKS,
                Topic.SOL_TICKS, Topic.POLYMARKET_TICKS, Topic.KALSHI_TICKS);
    }
}
