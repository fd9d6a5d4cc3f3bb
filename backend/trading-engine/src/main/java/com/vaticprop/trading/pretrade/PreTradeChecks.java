package com.vaticprop.trading.pretrade;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.OrderType;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.ruleset.ExposureLimits;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Runs the pre-trade checks in a fixed order and returns the first failure. The order matters for the trader's
 * message: there is no point in talking about buying power for an instrument the tier does not allow.
 *
 * <p>Exposure checks (price band, collateral, buying power, notional, market cost) apply only to the part of an
 * order that adds exposure: closing or reducing a position is always allowed, so a trader can always get flat.
 */
public final class PreTradeChecks {
    private PreTradeChecks() {
    }

    public static Optional<Rejection> check(OrderRequest order, PreTradeContext ctx) {
        InstrumentId id = order.instrument();
        if (!ctx.ruleSet().allows(id) || ctx.catalog().find(id).isEmpty()) {
            return reject(PreTradeCheck.INSTRUMENT_ALLOWED, id + " is not tradable in this tier");
        }
        Instrument instrument = ctx.catalog().get(id);
        Optional<Rejection> invalid = validate(order, instrument);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (ctx.status() != null && !ctx.status().acceptsOrders()) {
            return reject(PreTradeCheck.MARKET_OPEN, id + " is " + ctx.status());
        }
        Quote quote = ctx.quote();
        if (quote == null) {
            return reject(PreTradeCheck.QUOTE_FRESH, "no quote received for " + id);
        }
        if (ctx.staleness().isStale(quote, ctx.now())) {
            return reject(PreTradeCheck.QUOTE_FRESH, "quote for " + id + " received at " + quote.receivedTs()
                    + " is older than " + ctx.staleness().boundFor(id.assetClass()));
        }
        Account account = ctx.account();
        Position position = account.position(id).orElse(null);
        BigDecimal held = position == null ? BigDecimal.ZERO : position.qty();
        BigDecimal after = held.add(order.side().signed(order.qty()));
        boolean predictionMarket = instrument instanceof Instrument.OutcomeShare;
        if (predictionMarket && after.signum() < 0) {
            return reject(PreTradeCheck.LONG_ONLY, "prediction-market shares are long only: selling " + order.qty()
                    + " of a holding of " + held.max(BigDecimal.ZERO) + " (to bet against YES, buy NO)");
        }
        if (order.reduceOnly() && (held.signum() == 0 || held.signum() == order.side().sign())) {
            return reject(PreTradeCheck.REDUCE_ONLY, "reduce-only " + order.side() + " has no opposite position in "
                    + id + " to reduce");
        }
        if (order.reduceOnly() || after.abs().compareTo(held.abs()) <= 0 && after.signum() * held.signum() >= 0) {
            return Optional.empty();
        }
        BigDecimal price = estimatedPrice(order, quote);
        BigDecimal added = after.signum() != held.signum() && held.signum() != 0 ? after.abs()
                : after.abs().subtract(held.abs());
        ExposureLimits limits = ctx.ruleSet().exposure();
        BigDecimal initial = ctx.ruleSet().initialBalance();
        if (predictionMarket) {
            Optional<Rejection> pm = predictionMarketChecks(order, price, added, (Instrument.OutcomeShare) instrument,
                    ctx);
            if (pm.isPresent()) {
                return pm;
            }
        } else {
            BigDecimal currentNotional = position == null ? BigDecimal.ZERO
                    : position.notionalAt(position.markPrice(account.mark(id).orElse(quote)));
            BigDecimal grossAfter = account.grossCryptoNotional().subtract(currentNotional)
                    .add(after.abs().multiply(price));
            BigDecimal power = account.equity().multiply(limits.maxLeverage());
            if (grossAfter.compareTo(power) > 0) {
                return reject(PreTradeCheck.BUYING_POWER, "gross notional after the order " + plain(grossAfter)
                        + " exceeds equity × maxLeverage " + plain(power));
            }
        }
        if (limits.maxPositionNotionalPct() != null) {
            BigDecimal cap = Money.pctOf(limits.maxPositionNotionalPct(), initial);
            BigDecimal notional = after.abs().multiply(price);
            if (notional.compareTo(cap) > 0) {
                return reject(PreTradeCheck.POSITION_NOTIONAL, "position notional after the order " + plain(notional)
                        + " exceeds " + limits.maxPositionNotionalPct().toPlainString() + "% of initial ("
                        + plain(cap) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> predictionMarketChecks(OrderRequest order, BigDecimal price, BigDecimal added,
                                                              Instrument.OutcomeShare share, PreTradeContext ctx) {
        ExposureLimits limits = ctx.ruleSet().exposure();
        if (limits.priceBand() != null && !limits.priceBand().contains(price)) {
            return reject(PreTradeCheck.PRICE_BAND, "buy price " + price.toPlainString() + " is outside the band ["
                    + limits.priceBand().min().toPlainString() + ", " + limits.priceBand().max().toPlainString()
                    + "]");
        }
        BigDecimal cost = added.multiply(price);
        BigDecimal fee = share.feeModel().feeFor(added, price);
        if (cost.add(fee).compareTo(ctx.account().cash()) > 0) {
            return reject(PreTradeCheck.COLLATERAL, "cost " + plain(cost) + " + fee " + plain(fee)
                    + " exceeds free cash " + plain(ctx.account().cash()));
        }
        if (limits.maxMarketCostPctOfInitial() != null) {
            BigDecimal cap = Money.pctOf(limits.maxMarketCostPctOfInitial(), ctx.ruleSet().initialBalance());
            BigDecimal inMarket = BigDecimal.ZERO;
            for (Position p : ctx.account().positions()) {
                if (ctx.catalog().get(p.instrument()) instanceof Instrument.OutcomeShare s
                        && s.marketKey().equals(share.marketKey())) {
                    inMarket = inMarket.add(p.costBasis());
                }
            }
            BigDecimal total = inMarket.add(cost);
            if (total.compareTo(cap) > 0) {
                return reject(PreTradeCheck.MARKET_COST, "cost in market " + share.marketKey() + " after the order "
                        + plain(total) + " exceeds " + limits.maxMarketCostPctOfInitial().toPlainString()
                        + "% of initial (" + plain(cap) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> validate(OrderRequest order, Instrument instrument) {
        if (order.qty().signum() <= 0) {
            return reject(PreTradeCheck.ORDER_VALID, "quantity must be positive");
        }
        if (!instrument.onLot(order.qty())) {
            return reject(PreTradeCheck.ORDER_VALID, "quantity " + order.qty().toPlainString()
                    + " is not a multiple of the lot size " + instrument.lotSize().toPlainString());
        }
        if (order.type() == OrderType.LIMIT) {
            if (order.limitPrice() == null || order.limitPrice().signum() <= 0) {
                return reject(PreTradeCheck.ORDER_VALID, "a limit order needs a positive limit price");
            }
            if (!instrument.onTick(order.limitPrice())) {
                return reject(PreTradeCheck.ORDER_VALID, "limit price " + order.limitPrice().toPlainString()
                        + " is not on the tick " + instrument.tickSize().toPlainString());
            }
            if (instrument instanceof Instrument.OutcomeShare && order.limitPrice().compareTo(BigDecimal.ONE) > 0) {
                return reject(PreTradeCheck.ORDER_VALID, "outcome shares are priced within [0, 1]");
            }
        }
        if (order.type() == OrderType.STOP && (order.stopPrice() == null || order.stopPrice().signum() <= 0)) {
            return reject(PreTradeCheck.ORDER_VALID, "a stop order needs a positive stop price");
        }
        return Optional.empty();
    }

    /** The price exposure is judged at: the touch for market orders, the worst allowed price otherwise. */
    static BigDecimal estimatedPrice(OrderRequest order, Quote quote) {
        boolean buy = order.side() == Side.BUY;
        BigDecimal touch = buy ? quote.ask() : quote.bid();
        return switch (order.type()) {
            case MARKET -> touch;
            case LIMIT -> order.limitPrice();
            case STOP -> buy ? order.stopPrice().max(touch) : order.stopPrice().min(touch);
        };
    }

    private static String plain(BigDecimal v) {
        return Money.book(v).stripTrailingZeros().toPlainString();
    }

    private static Optional<Rejection> reject(PreTradeCheck check, String reason) {
        return Optional.of(new Rejection(check, reason));
    }
}
