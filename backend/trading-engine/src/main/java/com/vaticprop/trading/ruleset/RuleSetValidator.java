package com.vaticprop.trading.ruleset;

import com.vaticprop.trading.instrument.InstrumentSelector;
import com.vaticprop.trading.ruleset.RuleSetDocument.DailyLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.ExposureDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.MaxLossDoc;
import com.vaticprop.trading.ruleset.RuleSetDocument.PhaseDoc;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a rule set on save (tiers are data, so the engine must refuse a rule set it could not judge by). Collects
 * every error rather than stopping at the first, so an admin sees the whole list once.
 */
public final class RuleSetValidator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

    private RuleSetValidator() {
    }

    public static RuleSetValidation validate(RuleSetDocument doc) {
        Errors e = new Errors();
        if (doc == null) {
            e.add("", "rule set is required");
            return new RuleSetValidation.Invalid(e.list);
        }
        BigDecimal initial = e.positive("initialBalance", doc.initialBalance());
        String currency = doc.currency();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            e.add("currency", "must be a 3-letter ISO currency code");
        }
        DayBoundary boundary = dayBoundary(doc, e);
        List<InstrumentSelector> instruments = instruments(doc.instruments(), e);
        BigDecimal split = e.pct("profitSplitPct", doc.profitSplitPct(), true);
        List<Phase> phases = phases(doc.phases(), e);
        TradingDayDefinition tradingDay = null;
        if (doc.tradingDay() == null) {
            e.add("tradingDay", "is required");
        } else {
            BigDecimal min = e.pct("tradingDay.minTradeNotionalPctOfInitial",
                    doc.tradingDay().minTradeNotionalPctOfInitial(), false);
            tradingDay = min == null ? null : new TradingDayDefinition(min);
        }
        DailyLossLimit daily = doc.dailyLoss() == null ? null : dailyLoss(doc.dailyLoss(), initial, e);
        MaxLossLimit max = null;
        if (doc.maxLoss() == null) {
            e.add("maxLoss", "is required");
        } else {
            max = maxLoss(doc.maxLoss(), initial, e);
        }
        ConsistencyGate consistency = null;
        if (doc.consistency() != null) {
            BigDecimal pct = e.pct("consistency.maxBestDayPctOfProfit", doc.consistency().maxBestDayPctOfProfit(),
                    true);
            consistency = pct == null ? null : new ConsistencyGate(pct);
        }
        if (doc.inactivityDays() != null && doc.inactivityDays() < 1) {
            e.add("inactivityDays", "must be at least 1 when present");
        }
        ExposureLimits exposure = null;
        if (doc.exposure() == null) {
            e.add("exposure", "is required");
        } else {
            exposure = exposure(doc.exposure(), e);
        }
        if (!e.list.isEmpty()) {
            return new RuleSetValidation.Invalid(e.list);
        }
        return new RuleSetValidation.Valid(new RuleSet(initial, currency, boundary, instruments, split, phases,
                tradingDay, daily, max, consistency, doc.inactivityDays(), exposure));
    }

    private static DayBoundary dayBoundary(RuleSetDocument doc, Errors e) {
        if (doc.dayBoundary() == null) {
            e.add("dayBoundary", "is required");
            return null;
        }
        ZoneId zone = null;
        LocalTime time = null;
        String rawZone = doc.dayBoundary().zone();
        if (rawZone == null) {
            e.add("dayBoundary.zone", "is required");
        } else {
            try {
                zone = ZoneId.of(rawZone);
            } catch (DateTimeException ex) {
                e.add("dayBoundary.zone", "unknown time zone '" + rawZone + "'");
            }
        }
        String rawTime = doc.dayBoundary().time();
        if (rawTime == null) {
            e.add("dayBoundary.time", "is required");
        } else if (!TIME.matcher(rawTime).matches()) {
            e.add("dayBoundary.time", "must be HH:mm");
        } else {
            try {
                time = LocalTime.parse(rawTime);
            } catch (DateTimeParseException ex) {
                e.add("dayBoundary.time", "not a valid time of day");
            }
        }
        return zone == null || time == null ? null : new DayBoundary(zone, time);
    }

    private static List<InstrumentSelector> instruments(List<String> raw, Errors e) {
        List<InstrumentSelector> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            e.add("instruments", "at least one instrument is required");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i);
            String path = "instruments[" + i + "]";
            var selector = InstrumentSelector.parse(id);
            if (selector.isEmpty()) {
                e.add(path, "unknown instrument '" + id + "'");
            } else if (!seen.add(id)) {
                e.add(path, "duplicate instrument '" + id + "'");
            } else {
                out.add(selector.get());
            }
        }
        return out;
    }

    private static List<Phase> phases(List<PhaseDoc> raw, Errors e) {
        List<Phase> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            e.add("phases", "at least one phase is required");
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            String p = "phases[" + i + "]";
            PhaseDoc doc = raw.get(i);
            if (doc == null) {
                e.add(p, "is required");
                continue;
            }
            if (doc.name() == null || doc.name().isBlank()) {
                e.add(p + ".name", "is required");
            }
            BigDecimal target = e.pct(p + ".profitTargetPct", doc.profitTargetPct(), true);
            if (doc.minTradingDays() == null) {
                e.add(p + ".minTradingDays", "is required");
            } else if (doc.minTradingDays() < 0) {
                e.add(p + ".minTradingDays", "must not be negative");
            }
            if (doc.maxDurationDays() != null) {
                if (doc.maxDurationDays() < 1) {
                    e.add(p + ".maxDurationDays", "must be at least 1 when present");
                } else if (doc.minTradingDays() != null && doc.minTradingDays() > doc.maxDurationDays()) {
                    e.add(p + ".minTradingDays", "cannot exceed maxDurationDays (" + doc.maxDurationDays() + ")");
                }
            }
            if (target != null && doc.name() != null && doc.minTradingDays() != null) {
                out.add(new Phase(doc.name(), target, doc.minTradingDays(), doc.maxDurationDays()));
            }
        }
        return out;
    }

    private static LossAllowance allowance(String path, String pct, String amount, BigDecimal initial, Errors e) {
        if ((pct == null) == (amount == null)) {
            e.add(path, "exactly one of pct or amount is required");
            return null;
        }
        if (pct != null) {
            BigDecimal p = e.pct(path + ".pct", pct, true);
            return p == null ? null : new LossAllowance.Percent(p);
        }
        BigDecimal a = e.positive(path + ".amount", amount);
        if (a != null && initial != null && a.compareTo(initial) >= 0) {
            e.add(path + ".amount", "must be below initialBalance");
            return null;
        }
        return a == null ? null : new LossAllowance.Amount(a);
    }

    private static DailyLossLimit dailyLoss(DailyLossDoc d, BigDecimal initial, Errors e) {
        LossAllowance allowance = allowance("dailyLoss", d.pct(), d.amount(), initial, e);
        LimitBasis basis = e.enumValue("dailyLoss.limitBasis", d.limitBasis(), LimitBasis.class,
                d.pct() == null ? LimitBasis.INITIAL_BALANCE : null);
        DayAnchor anchor = e.enumValue("dailyLoss.anchor", d.anchor(), DayAnchor.class, null);
        DailyEvaluation evaluation = e.enumValue("dailyLoss.evaluation", d.evaluation(), DailyEvaluation.class, null);
        if (d.includeOpenPnl() == null) {
            e.add("dailyLoss.includeOpenPnl", "is required");
        }
        if (allowance == null || basis == null || anchor == null || evaluation == null || d.includeOpenPnl() == null) {
            return null;
        }
        return new DailyLossLimit(allowance, basis, anchor, d.includeOpenPnl(), evaluation);
    }

    private static MaxLossLimit maxLoss(MaxLossDoc d, BigDecimal initial, Errors e) {
        LossAllowance allowance = allowance("maxLoss", d.pct(), d.amount(), initial, e);
        MaxLossMode mode = e.enumValue("maxLoss.mode", d.mode(), MaxLossMode.class, null);
        BigDecimal offset = BigDecimal.ZERO;
        if (d.lockOffset() != null) {
            offset = e.decimal("maxLoss.lockOffset", d.lockOffset());
            if (offset != null && offset.signum() < 0) {
                e.add("maxLoss.lockOffset", "must not be negative");
                offset = null;
            }
        }
        boolean lock = Boolean.TRUE.equals(d.lockAtInitial());
        if (lock && mode == MaxLossMode.STATIC) {
            e.add("maxLoss.lockAtInitial", "applies to trailing modes only");
        }
        if (allowance == null || mode == null || offset == null) {
            return null;
        }
        return new MaxLossLimit(allowance, mode, lock, offset);
    }

    private static ExposureLimits exposure(ExposureDoc d, Errors e) {
        BigDecimal leverage = d.maxLeverage() == null ? BigDecimal.ONE : e.positive("exposure.maxLeverage",
                d.maxLeverage());
        BigDecimal positionPct = d.maxPositionNotionalPct() == null ? null
                : e.positive("exposure.maxPositionNotionalPct", d.maxPositionNotionalPct());
        BigDecimal marketPct = d.maxMarketCostPctOfInitial() == null ? null
                : e.pct("exposure.maxMarketCostPctOfInitial", d.maxMarketCostPctOfInitial(), true);
        PriceBand band = null;
        boolean bandOk = true;
        if (d.priceBand() != null) {
            BigDecimal min = e.decimal("exposure.priceBand.min", d.priceBand().min());
            BigDecimal max = e.decimal("exposure.priceBand.max", d.priceBand().max());
            if (min != null && (min.signum() < 0 || min.compareTo(BigDecimal.ONE) > 0)) {
                e.add("exposure.priceBand.min", "must be within [0, 1]");
                min = null;
            }
            if (max != null && (max.signum() < 0 || max.compareTo(BigDecimal.ONE) > 0)) {
                e.add("exposure.priceBand.max", "must be within [0, 1]");
                max = null;
            }
            if (min != null && max != null && min.compareTo(max) >= 0) {
                e.add("exposure.priceBand", "min must be below max");
                min = null;
            }
            bandOk = min != null && max != null;
            band = bandOk ? new PriceBand(min, max) : null;
        }
        long delay = d.fillDelayMs() == null ? 0 : d.fillDelayMs();
        if (delay < 0) {
            e.add("exposure.fillDelayMs", "must not be negative");
        }
        if (leverage == null || (d.maxPositionNotionalPct() != null && positionPct == null)
                || (d.maxMarketCostPctOfInitial() != null && marketPct == null) || !bandOk || delay < 0) {
            return null;
        }
        return new ExposureLimits(leverage, positionPct, marketPct, band, delay);
    }

    /** Accumulates errors and parses wire decimals with the field path attached. */
    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(String path, String message) {
            list.add(new FieldError(path, message));
        }

        BigDecimal decimal(String path, String raw) {
            if (raw == null) {
                add(path, "is required");
                return null;
            }
            try {
                return new BigDecimal(raw.trim());
            } catch (NumberFormatException ex) {
                add(path, "not a decimal: '" + raw + "'");
                return null;
            }
        }

        BigDecimal positive(String path, String raw) {
            BigDecimal d = decimal(path, raw);
            if (d != null && d.signum() <= 0) {
                add(path, "must be greater than 0");
                return null;
            }
            return d;
        }

        /** A percentage in (0, 100], or [0, 100] when zero is meaningful. */
        BigDecimal pct(String path, String raw, boolean excludeZero) {
            BigDecimal d = decimal(path, raw);
            if (d == null) {
                return null;
            }
            boolean low = excludeZero ? d.signum() <= 0 : d.signum() < 0;
            if (low || d.compareTo(HUNDRED) > 0) {
                add(path, excludeZero ? "must be in (0, 100]" : "must be in [0, 100]");
                return null;
            }
            return d;
        }

        <E extends Enum<E>> E enumValue(String path, String raw, Class<E> type, E fallback) {
            if (raw == null) {
                if (fallback == null) {
                    add(path, "is required");
                }
                return fallback;
            }
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(raw)) {
                    return value;
                }
            }
            add(path, "unknown value '" + raw + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
