package com.vaticprop.core.trading;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.trading.instrument.AssetClass;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Shape checks of an order before it reaches the engine: every field present and well-formed, quantities and prices
 * positive, finite, of sane size and scale (no NaN, no exponent tricks), prediction-market prices within (0, 1).
 * Everything the rule set decides (allowed instruments, buying power, price bands…) is the engine's pre-trade checks.
 */
final class OrderValidation {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,8})?");
    private static final BigDecimal MAX_QTY = new BigDecimal("1000000000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("100000000");

    private OrderValidation() {
    }

    static OrderRequest validate(OrderCommand c, UUID orderId, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            throw new FieldErrorsException(List.of(new FieldError("order", "is required")));
        }
        InstrumentId instrument = c.instrument() == null ? null : InstrumentId.parse(c.instrument().strip()).orElse(null);
        if (instrument == null) {
            errors.add(new FieldError("instrument", "must be an instrument id such as BTC-USD, POLY:<token> or "
                    + "KALSHI:<ticker>:YES"));
        }
        Side side = enumValue(Side.class, "side", c.side(), null, errors);
        OrderType type = enumValue(OrderType.class, "type", c.type(), null, errors);
        TimeInForce tif = enumValue(TimeInForce.class, "tif", c.tif(), TimeInForce.GTC, errors);
        BigDecimal qty = decimal("qty", c.qty(), true, MAX_QTY, errors);
        BigDecimal limit = decimal("limitPrice", c.limitPrice(), false, MAX_PRICE, errors);
        BigDecimal stop = decimal("stopPrice", c.stopPrice(), false, MAX_PRICE, errors);
        if (type != null) {
            boolean needsLimit = type == OrderType.LIMIT;
            boolean needsStop = type == OrderType.STOP;
            requirePresence("limitPrice", c.limitPrice(), needsLimit, type, errors);
            requirePresence("stopPrice", c.stopPrice(), needsStop, type, errors);
        }
        if (instrument != null && instrument.assetClass() == AssetClass.PREDICTION_MARKET) {
            outcomePrice("limitPrice", limit, errors);
            outcomePrice("stopPrice", stop, errors);
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return new OrderRequest(orderId.toString(), instrument, side, type, qty, limit, stop, tif,
                Boolean.TRUE.equals(c.reduceOnly()), idempotencyKey);
    }

    private static void requirePresence(String field, String value, boolean needed, OrderType type,
                                        List<FieldError> errors) {
        boolean present = value != null && !value.isBlank();
        if (needed && !present) {
            errors.add(new FieldError(field, "is required for " + type + " orders"));
        } else if (!needed && present) {
            errors.add(new FieldError(field, "is not allowed for " + type + " orders"));
        }
    }

    private static void outcomePrice(String field, BigDecimal price, List<FieldError> errors) {
        if (price != null && price.compareTo(BigDecimal.ONE) >= 0) {
            errors.add(new FieldError(field, "must be below 1 for a prediction-market share"));
        }
    }

    private static BigDecimal decimal(String field, String raw, boolean required, BigDecimal max,
                                      List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!DECIMAL.matcher(raw.strip()).matches()) {
            errors.add(new FieldError(field, "must be a positive decimal string with at most 8 decimals, "
                    + "such as \"0.05\""));
            return null;
        }
        BigDecimal value = new BigDecimal(raw.strip());
        if (value.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than 0"));
            return null;
        }
        if (value.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be at most " + max.toPlainString()));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String raw, E dflt,
                                                   List<FieldError> errors) {
        if (raw == null) {
            if (dflt == null) {
                errors.add(new FieldError(field, "is required"));
            }
            return dflt;
        }
        // an empty or blank value is a wrong value, not an absent one: only a missing field takes the default
        // (the HTTP fuzz found "tif": "" placing a GTC order)
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
