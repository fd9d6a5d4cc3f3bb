package com.vaticprop.platform.events;

import com.vaticprop.platform.events.EventCodec.MalformedEventException;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.data.OrderEvent;
import com.vaticprop.platform.json.VaticJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.vaticprop.platform.events.EventSamples.ASSESSMENT;
import static com.vaticprop.platform.events.EventSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeSurvivesARoundTrip(EventType type) {
        EventEnvelope<EventData> event = EventSamples.envelope(type, 17);
        EventEnvelope<EventData> decoded = codec.decode(codec.encode(event));
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.data()).isInstanceOf(type.dataType());
        assertThat(decoded.eventType()).isEqualTo(type);
        assertThat(codec.decode(codec.encodeToString(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decimalsAreJsonStringsInPlainNotationAndInstantsIsoStrings(EventType type) {
        EventEnvelope<EventData> event = EventSamples.envelope(type, 17);
        String json = codec.encodeToString(event);
        JsonNode tree = VaticJson.mapper().readTree(json);
        assertThat(tree.get("occurredAt").isString()).isTrue();
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-11-25T14:03:07.123456Z");
        assertThat(tree.get("type").asString()).isEqualTo(type.wireName());
        assertThat(tree.get("id").asString()).isEqualTo(event.id().toString());
        assertWireShape(event.data(), tree.get("data"), "data");
    }

    /** Walks the record and its JSON side by side: every BigDecimal a plain string, every Instant ISO, nulls absent. */
    private static void assertWireShape(Object value, JsonNode node, String path) {
        if (value == null) {
            assertThat(node).as("%s is omitted when null", path).isNull();
            return;
        }
        assertThat(node).as(path).isNotNull();
        switch (value) {
            case BigDecimal decimal -> {
                assertThat(node.isString()).as("%s is a JSON string: %s", path, node).isTrue();
                assertThat(node.asString()).as(path).isEqualTo(decimal.toPlainString())
                        .matches("-?\\d+(\\.\\d+)?");
            }
            case Instant instant -> {
                assertThat(node.isString()).as(path).isTrue();
                assertThat(node.asString()).as(path).endsWith("Z");
                assertThat(Instant.parse(node.asString())).as(path).isEqualTo(instant);
            }
            case LocalDate date -> assertThat(node.asString()).as(path).isEqualTo(date.toString())
                    .matches("\\d{4}-\\d{2}-\\d{2}");
            case UUID uuid -> assertThat(node.asString()).as(path).isEqualTo(uuid.toString());
            case Enum<?> e -> assertThat(node.asString()).as(path).isEqualTo(e.name());
            case Record record -> {
                for (RecordComponent c : record.getClass().getRecordComponents()) {
                    try {
                        assertWireShape(c.getAccessor().invoke(record), node.get(c.getName()),
                                path + "." + c.getName());
                    } catch (ReflectiveOperationException ex) {
                        throw new AssertionError(ex);
                    }
                }
            }
            case List<?> list -> {
                assertThat(node.isArray()).as(path).isTrue();
                assertThat(node.size()).as(path).isEqualTo(list.size());
                for (int i = 0; i < list.size(); i++) {
                    assertWireShape(list.get(i), node.get(i), path + "[" + i + "]");
                }
            }
            case Map<?, ?> map -> map.forEach((k, v) -> assertWireShape(v, node.get(k.toString()), path + "." + k));
            default -> {
            }
        }
    }

    @Test
    void tinyAndHugeDecimalsAreWrittenInFull() {
        MarketTick tick = new MarketTick("BTC-USD", "coinbase", new BigDecimal("1E-8"), new BigDecimal("2.5E+6"),
                new BigDecimal("0.00000001"), new BigDecimal("100.000"), null, null, T0, T0, null);
        String json = codec.encodeToString(EventEnvelope.of(EventType.MARKET_TICK, T0, tick));
        assertThat(json).contains("\"bid\":\"0.00000001\"", "\"ask\":\"2500000\"", "\"bidSize\":\"0.00000001\"",
                "\"askSize\":\"100.000\"");
        assertThat(json).doesNotContain("\"last\"", "\"venueSeq\"", "\"seq\"", "\"assessmentId\"");
    }

    @Test
    void decimalsSentAsJsonNumbersAreReadWithoutBinaryRounding() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"market-data.tick\",\"occurredAt\":\""
                + T0 + "\",\"data\":{\"instrument\":\"BTC-USD\",\"venue\":\"x\",\"bid\":0.1,\"ask\":\"0.30000000000000004\","
                + "\"bidSize\":1,\"askSize\":\"2\",\"venueTs\":\"" + T0 + "\",\"receivedTs\":\"" + T0 + "\"}}";
        MarketTick tick = (MarketTick) codec.decode(json).data();
        assertThat(tick.bid()).isEqualByComparingTo("0.1");
        assertThat(tick.ask()).isEqualTo(new BigDecimal("0.30000000000000004"));
    }

    @Test
    void unknownFieldsAreIgnoredAndVersionDefaultsToOne() {
        ObjectNode tree = (ObjectNode) VaticJson.mapper().readTree(codec.encode(
                EventSamples.envelope(EventType.SIMULATION_PROGRESS, 1)));
        tree.remove("version");
        tree.put("addedLater", true);
        ((ObjectNode) tree.get("data")).put("etaSeconds", 12);
        EventEnvelope<EventData> decoded = codec.decode(VaticJson.mapper().writeValueAsString(tree));
        assertThat(decoded.version()).isEqualTo(1);
        assertThat(decoded.type()).isEqualTo("montecarlo.simulation-progress");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void seqIsRequiredExactlyOnTheTypesThatCarryIt(EventType type) {
        EventData data = EventSamples.sample(type);
        UUID id = UUID.randomUUID();
        if (type.carriesSeq()) {
            assertThatThrownBy(() -> new EventEnvelope<>(id, type.wireName(), 1, T0, ASSESSMENT, null, null, 1, data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq");
            assertThatThrownBy(() -> new EventEnvelope<>(id, type.wireName(), 1, T0, ASSESSMENT, null, 0L, 1, data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq");
            assertThatThrownBy(() -> new EventEnvelope<>(id, type.wireName(), 1, T0, null, null, 5L, 1, data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assessmentId");
            assertThat(new EventEnvelope<>(id, type.wireName(), 1, T0, ASSESSMENT, null, 1L, 1, data).seq())
                    .isEqualTo(1L);
        } else {
            assertThatThrownBy(() -> new EventEnvelope<>(id, type.wireName(), 1, T0, ASSESSMENT, null, 5L, 1, data))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not carry a seq");
            assertThat(EventEnvelope.forAssessment(type, T0, ASSESSMENT, null, 9, null, data).seq()).isNull();
        }
    }

    @Test
    void theContractsSeqCarryingTypesAreTheOutboxOnes() {
        for (EventType type : EventType.values()) {
            String wire = type.wireName();
            boolean outbox = wire.startsWith("trading.") || wire.equals("rules.violation-detected")
                    || wire.startsWith("assessment.") && !wire.equals("assessment.account-snapshot");
            assertThat(type.carriesSeq()).as(wire).isEqualTo(outbox);
        }
    }

    @Test
    void envelopeRefusesMismatchedDataUnknownTypesAndBadVersions() {
        EventData order = EventSamples.sample(EventType.ORDER_PLACED);
        assertThatThrownBy(() -> EventEnvelope.of(EventType.MARKET_TICK, T0, order))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MarketTick");
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "trading.order-teleported", 1, T0, null, null,
                null, null, order)).isInstanceOf(IllegalArgumentException.class);
        EventData tick = EventSamples.sample(EventType.MARKET_TICK);
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "market-data.tick", 0, T0, null, null, null,
                null, tick)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventEnvelope.of(EventType.MARKET_TICK, null, tick))
                .isInstanceOf(NullPointerException.class);
    }

    private static String valid(EventType type) {
        return new EventCodec().encodeToString(EventSamples.envelope(type, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "42", "null", "{}", "{\"type\":\"market-data.tick\"}",
            "{\"id\":\"x\",\"type\":\"market-data.tick\",\"occurredAt\":\"2026-11-25T00:00:00Z\",\"data\":{}}"})
    void garbageIsAMalformedEvent(String json) {
        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void brokenFieldsAreMalformedEvents() {
        String placed = valid(EventType.ORDER_PLACED);
        String tick = valid(EventType.MARKET_TICK);
        List<String> broken = List.of(
                placed.replace("trading.order-placed", "trading.order-teleported"),
                placed.replace("\"seq\":3,", ""),
                placed.replace("\"seq\":3", "\"seq\":0"),
                placed.replace("\"seq\":3", "\"seq\":\"three\""),
                tick.replace("\"version\":1", "\"version\":1,\"seq\":3"),
                placed.replace("\"assessmentId\":\"" + ASSESSMENT + "\",", ""),
                placed.replace("\"assessmentId\":\"" + ASSESSMENT + "\"", "\"assessmentId\":\"not-a-uuid\""),
                tick.replace("2026-11-25T14:03:07.123456Z", "yesterday"),
                tick.replace("\"bid\":\"64250.12\"", "\"bid\":\"a lot\""),
                tick.replace("\"bid\":\"64250.12\"", "\"bid\":{\"amount\":1}"),
                placed.replace("\"qty\":\"0.25\"", "\"qty\":[1]"),
                tick.substring(0, tick.indexOf("\"data\"")) + "\"data\":\"BTC-USD\"}",
                tick.substring(0, tick.length() - 2));
        for (String json : broken) {
            assertThat(json).as("the mutation applied").isNotIn(placed, tick);
            assertThatThrownBy(() -> codec.decode(json)).as(json).isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void aDecodedOrderKeepsItsOptionalFieldsAbsent() {
        OrderEvent order = (OrderEvent) codec.decode(valid(EventType.ORDER_PLACED)).data();
        assertThat(order.stopPrice()).isNull();
        assertThat(order.check()).isNull();
        assertThat(valid(EventType.ORDER_PLACED)).doesNotContain("stopPrice", "\"check\"");
    }
}
