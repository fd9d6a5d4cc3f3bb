package com.vaticprop.marketdata.venue.crypto;

import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps obviously wrong crypto quotes away from rule evaluation, where one bad print can breach an account.
 *
 * <ul>
 *   <li><b>Spike guard</b>: a mid that moves more than {@code maxJump} from the venue's last accepted mid is held
 *       back; it is accepted only once {@code confirmations} consecutive quotes agree with the new level (a real
 *       gap move persists, a fat-finger print does not).</li>
 *   <li><b>Cross-venue deviation</b>: a mid more than {@code maxDeviation} away from another venue's recent mid for
 *       the same instrument is dropped. With two venues a lasting disagreement drops both, so the quote goes stale
 *       and monitoring degrades: for a prop firm a paused mark is safer than a wrong one.</li>
 * </ul>
 * Every drop is counted ({@code droppedSpike}, {@code droppedDeviation}). Not thread-safe: callers serialise.
 */
public final class BadTickFilter {
    public static final String DROPPED_SPIKE = "droppedSpike";
    public static final String DROPPED_DEVIATION = "droppedDeviation";
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BigDecimal maxJump;
    private final int confirmations;
    private final BigDecimal maxDeviation;
    private final Duration referenceFreshFor;
    private final VenueCounters counters;
    private final Map<String, VenueState> venues = new HashMap<>();

    public BadTickFilter(BigDecimal maxJump, int confirmations, BigDecimal maxDeviation, Duration referenceFreshFor,
                         VenueCounters counters) {
        this.maxJump = maxJump;
        this.confirmations = confirmations;
        this.maxDeviation = maxDeviation;
        this.referenceFreshFor = referenceFreshFor;
        this.counters = counters;
    }

    /** 10 % spike guard confirmed by 3 quotes; 2 % cross-venue band against quotes at most 5 s old. */
    public static BadTickFilter defaults(VenueCounters counters) {
        return new BadTickFilter(new BigDecimal("0.10"), 3, new BigDecimal("0.02"), Duration.ofSeconds(5), counters);
    }

    public boolean accept(MarketTick tick) {
        BigDecimal mid = tick.bid().add(tick.ask()).divide(TWO, MathContext.DECIMAL64);
        String key = tick.venue() + "|" + tick.instrument();
        VenueState state = venues.computeIfAbsent(key, k -> new VenueState());
        if (state.mid != null && beyond(mid, state.mid, maxJump)) {
            if (state.pendingMid != null && !beyond(mid, state.pendingMid, maxJump)) {
                state.pendingCount++;
            } else {
                state.pendingMid = mid;
                state.pendingCount = 1;
            }
            if (state.pendingCount < confirmations) {
                counters.increment(DROPPED_SPIKE);
                return false;
            }
        }
        if (deviatesFromOtherVenues(tick, mid)) {
            counters.increment(DROPPED_DEVIATION);
            return false;
        }
        state.mid = mid;
        state.at = tick.receivedTs();
        state.pendingMid = null;
        state.pendingCount = 0;
        return true;
    }

    private boolean deviatesFromOtherVenues(MarketTick tick, BigDecimal mid) {
        String suffix = "|" + tick.instrument();
        for (Map.Entry<String, VenueState> entry : venues.entrySet()) {
            String key = entry.getKey();
            VenueState other = entry.getValue();
            if (!key.endsWith(suffix) || key.startsWith(tick.venue() + "|") || other.mid == null
                    || !fresh(other.at, tick.receivedTs())) {
                continue;
            }
            if (beyond(mid, other.mid, maxDeviation)) {
                return true;
            }
        }
        return false;
    }

    private boolean fresh(Instant at, Instant now) {
        return at != null && now != null && !at.plus(referenceFreshFor).isBefore(now);
    }

    private static boolean beyond(BigDecimal value, BigDecimal reference, BigDecimal fraction) {
        BigDecimal change = value.subtract(reference).abs();
        return change.compareTo(reference.multiply(fraction)) > 0;
    }

    private static final class VenueState {
        BigDecimal mid;
        Instant at;
        BigDecimal pendingMid;
        int pendingCount;
    }
}
