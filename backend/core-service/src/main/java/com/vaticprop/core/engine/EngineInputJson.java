package com.vaticprop.core.engine;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.assessment.AbandonReason;
import com.vaticprop.trading.assessment.EngineInput;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.QuoteState;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Engine inputs as stored evidence ({@code engine_inputs.input}): one JSON object per input, decimals as strings,
 * instruments by their wire id, quotes in the snapshot's {@link QuoteState} shape. Reading an input back yields an
 * equal record, which is what makes a stored list replayable.
 */
final class EngineInputJson {

    private EngineInputJson() {
    }

    static String kind(EngineInput input) {
        return input.getClass().getSimpleName();
    }

    static String write(EngineInput input) {
        ObjectNode n = VaticJson.mapper().createObjectNode();
        n.put("at", input.at().toString());
        switch (input) {
            case EngineInput.PlaceOrder p -> {
                OrderRequest o = p.order();
                ObjectNode order = n.putObject("order");
                order.put("orderId", o.orderId());
                order.put("instrument", o.instrument().value());
                order.put("side", o.side().name());
                order.put("type", o.type().name());
                order.put("qty", o.qty().toPlainString());
                order.put("limitPrice", o.limitPrice() == null ? null : o.limitPrice().toPlainString());
                order.put("stopPrice", o.stopPrice() == null ? null : o.stopPrice().toPlainString());
                order.put("tif", o.tif().name());
                order.put("reduceOnly", o.reduceOnly());
                order.put("idempotencyKey", o.idempotencyKey());
            }
            case EngineInput.CancelOrder c -> n.put("orderId", c.orderId());
            case EngineInput.QuoteReceived q -> n.set("quote", VaticJson.mapper().valueToTree(QuoteState.of(q.quote())));
            case EngineInput.StatusChanged s -> {
                n.put("instrument", s.instrument().value());
                n.put("status", s.status().name());
            }
            case EngineInput.Resolved r -> {
                n.put("instrument", r.instrument().value());
                n.put("price", r.price() == null ? null : r.price().toPlainString());
            }
            case EngineInput.TickSizeChanged t -> {
                n.put("instrument", t.instrument().value());
                n.put("tickSize", t.tickSize().toPlainString());
            }
            case EngineInput.Abandon a -> n.put("reason", a.reason().name());
            case EngineInput.AdminFail f -> n.put("reason", f.reason());
            case EngineInput.Reinstate r -> {
                n.put("voidedViolationId", r.voidedViolationId());
                n.put("actor", r.actor());
                n.put("reason", r.reason());
            }
            case EngineInput.Start s -> { }
            case EngineInput.Timer t -> { }
            case EngineInput.Pause p -> { }
            case EngineInput.Resume r -> { }
        }
        return n.toString();
    }

    static EngineInput read(String kind, String json) {
        JsonNode n = VaticJson.mapper().readTree(json);
        Instant at = Instant.parse(n.get("at").asString());
        return switch (kind) {
            case "Start" -> new EngineInput.Start(at);
            case "Timer" -> new EngineInput.Timer(at);
            case "Pause" -> new EngineInput.Pause(at);
            case "Resume" -> new EngineInput.Resume(at);
            case "PlaceOrder" -> {
                JsonNode o = n.get("order");
                yield new EngineInput.PlaceOrder(new OrderRequest(o.get("orderId").asString(),
                        InstrumentId.of(o.get("instrument").asString()), Side.valueOf(o.get("side").asString()),
                        OrderType.valueOf(o.get("type").asString()), decimal(o, "qty"), decimal(o, "limitPrice"),
                        decimal(o, "stopPrice"), TimeInForce.valueOf(o.get("tif").asString()),
                        o.get("reduceOnly").asBoolean(), text(o, "idempotencyKey")), at);
            }
            case "CancelOrder" -> new EngineInput.CancelOrder(n.get("orderId").asString(), at);
            case "QuoteReceived" -> new EngineInput.QuoteReceived(VaticJson.mapper().treeToValue(n.get("quote"),
                    QuoteState.class).toQuote());
            case "StatusChanged" -> new EngineInput.StatusChanged(InstrumentId.of(n.get("instrument").asString()),
                    MarketStatus.valueOf(n.get("status").asString()), at);
            case "Resolved" -> new EngineInput.Resolved(InstrumentId.of(n.get("instrument").asString()),
                    decimal(n, "price"), at);
            case "TickSizeChanged" -> new EngineInput.TickSizeChanged(InstrumentId.of(n.get("instrument").asString()),
                    decimal(n, "tickSize"), at);
            case "Abandon" -> new EngineInput.Abandon(AbandonReason.valueOf(n.get("reason").asString()), at);
            case "AdminFail" -> new EngineInput.AdminFail(n.get("reason").asString(), at);
            case "Reinstate" -> new EngineInput.Reinstate(text(n, "voidedViolationId"), text(n, "actor"),
                    text(n, "reason"), at);
            default -> throw new IllegalArgumentException("unknown engine input kind " + kind);
        };
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : new BigDecimal(s);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
