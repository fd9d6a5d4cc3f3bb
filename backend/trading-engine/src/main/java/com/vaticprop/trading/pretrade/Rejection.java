package com.vaticprop.trading.pretrade;

/** Why an order was refused, as published in {@code trading.order-rejected} ({@code check} + {@code reason}). */
public record Rejection(PreTradeCheck check, String reason) {
}
