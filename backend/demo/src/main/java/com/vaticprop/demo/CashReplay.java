package com.vaticprop.demo;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * The account's cash re-derived from its fills alone, as a trader would check it: initial balance, plus what every
 * sell received, minus what every buy paid, minus every fee. For a flat account this must equal the balance the
 * platform reports — to the cent, with nothing the fills do not explain.
 */
final class CashReplay {

    private CashReplay() {
    }

    static BigDecimal cash(BigDecimal initialBalance, JsonNode trades) {
        BigDecimal cash = initialBalance;
        for (JsonNode t : trades) {
            BigDecimal notional = new BigDecimal(t.get("qty").asString()).multiply(new BigDecimal(t.get("price")
                    .asString()));
            cash = "SELL".equals(t.get("side").asString()) ? cash.add(notional) : cash.subtract(notional);
            cash = cash.subtract(new BigDecimal(t.get("fee").asString()));
        }
        return cash;
    }
}
