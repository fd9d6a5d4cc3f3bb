package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * A Kalshi market's lifecycle as {@code GET /trade-api/v2/markets/{ticker}} reports it, mapped onto the platform's
 * OPEN / CLOSED / HALTED: {@code active} is OPEN, {@code inactive} (paused by the exchange) is HALTED, everything
 * else ({@code initialized}, {@code closed}, {@code determined}, {@code disputed}, {@code amended},
 * {@code finalized}) takes no orders and is CLOSED. The outcome is final only at {@code finalized}: a
 * {@code determined} result can still be disputed and amended, so settlement waits for it.
 *
 * @param yesSettlement YES's settlement in [0,1] once finalized with a yes/no result (NO's is 1 − it), else null
 * @param voided        finalized with a result other than yes/no (treated as a void: positions unwind at entry)
 */
public record KalshiMarketState(String ticker, String venueStatus, MarketStatusChanged.Status status,
                                BigDecimal yesSettlement, boolean voided) {

    public boolean finalized() {
        return "finalized".equals(venueStatus);
    }

    static KalshiMarketState from(JsonNode body) {
        JsonNode market = body.path("market");
        String venueStatus = Json.text(market, "status");
        MarketStatusChanged.Status status = switch (venueStatus == null ? "" : venueStatus) {
            case "active" -> MarketStatusChanged.Status.OPEN;
            case "inactive" -> MarketStatusChanged.Status.HALTED;
            default -> MarketStatusChanged.Status.CLOSED;
        };
        String result = Json.text(market, "result");
        BigDecimal settlement = null;
        boolean voided = false;
        if ("finalized".equals(venueStatus) && result != null && !result.isEmpty()) {
            BigDecimal stated = Json.decimal(Json.text(market, "settlement_value_dollars"));
            switch (result) {
                case "yes" -> settlement = stated != null ? stated : BigDecimal.ONE;
                case "no" -> settlement = BigDecimal.ZERO;
                default -> voided = true;
            }
        }
        return new KalshiMarketState(Json.text(market, "ticker"), venueStatus, status, settlement, voided);
    }
}
