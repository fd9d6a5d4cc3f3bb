package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.market.Level;
import com.vaticprop.trading.market.Quote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what the market gives a working order against one quote. Pure: the same order and quote always give the
 * same executions, which is what makes replays exact.
 *
 * <ul>
 *   <li>market orders take the touch (ask for buys, bid for sells) plus slippage, or walk the book when depth is given;
 *   <li>limit orders take the touch (or walk the book) only at the limit or better, with no slippage;
 *   <li>a stop triggers when the touch it would trade against reaches the stop price, then acts as a market order;
 *   <li>quantity never exceeds the displayed size and is floored to the lot.
 * </ul>
 */
public final class FillSimulator {
    private final SlippageModel slippage;

    public FillSimulator(SlippageModel slippage) {
        this.slippage = Objects.requireNonNull(slippage, "slippage");
    }

    /** Whether this quote triggers the stop of an untriggered stop order. */
    public static boolean stopTriggered(OrderRequest request, Quote quote) {
        if (request.type() != OrderType.STOP) {
            return false;
        }
        return request.side() == Side.BUY ? quote.ask().compareTo(request.stopPrice()) >= 0
                : quote.bid().compareTo(request.stopPrice()) <= 0;
    }

    /**
     * Executions for up to {@code maxQty} of the order against the quote (empty when the order cannot trade).
     * The caller decides eligibility (fill delay) and triggering, and caps {@code maxQty} (reduce-only).
     */
    public List<Execution> match(OrderRequest request, Quote quote, Instrument instrument, BigDecimal maxQty) {
        if (maxQty.signum() <= 0) {
            return List.of();
        }
        boolean buy = request.side() == Side.BUY;
        BigDecimal limit = request.type() == OrderType.LIMIT ? request.limitPrice() : null;
        if (quote.book().isPresent()) {
            List<Level> levels = buy ? quote.book().get().asks() : quote.book().get().bids();
            return walk(levels, buy, limit, maxQty, instrument);
        }
        BigDecimal touch = buy ? quote.ask() : quote.bid();
        BigDecimal size = buy ? quote.askSize() : quote.bidSize();
        BigDecimal price;
        if (limit != null) {
            if (!withinLimit(touch, limit, buy)) {
                return List.of();
            }
            price = touch;
        } else {
            price = slippage.apply(touch, request.side(), instrument);
        }
        BigDecimal qty = instrument.floorToLot(maxQty.min(size));
        return qty.signum() > 0 ? List.of(new Execution(qty, price)) : List.of();
    }

    private static List<Execution> walk(List<Level> levels, boolean buy, BigDecimal limit, BigDecimal maxQty,
                                        Instrument instrument) {
        List<Execution> out = new ArrayList<>();
        BigDecimal left = maxQty;
        for (Level level : levels) {
            if (left.signum() <= 0 || (limit != null && !withinLimit(level.price(), limit, buy))) {
                break;
            }
            BigDecimal qty = instrument.floorToLot(left.min(level.size()));
            if (qty.signum() > 0) {
                out.add(new Execution(qty, level.price()));
                left = left.subtract(qty);
            }
        }
        return out;
    }

    private static boolean withinLimit(BigDecimal price, BigDecimal limit, boolean buy) {
        return buy ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
    }
}
