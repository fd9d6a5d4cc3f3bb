package com.vaticprop.core.fairness;

import com.vaticprop.core.fairness.TradingRecords.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Copy trading: two assessments of different users whose order streams are the same — each order matched one to one
 * by an order of the other with the same instrument, side, type and quantity within a few seconds. Reported when at
 * least {@code minMatches} orders match and they make up at least {@code minShare} of the shorter stream (so one
 * busy trader who happens to share a few round sizes with many others is not reported).
 */
final class CopyTradingDetector {

    private final Duration window;
    private final int minMatches;
    private final BigDecimal minShare;

    CopyTradingDetector(Duration window, int minMatches, BigDecimal minShare) {
        this.window = window;
        this.minMatches = minMatches;
        this.minShare = minShare;
    }

    List<Finding> detect(List<Order> orders) {
        Map<UUID, List<Order>> byAssessment = new LinkedHashMap<>();
        orders.stream().sorted(Comparator.comparing(Order::createdAt))
                .forEach(o -> byAssessment.computeIfAbsent(o.assessmentId(), k -> new ArrayList<>()).add(o));
        List<UUID> ids = new ArrayList<>(byAssessment.keySet());
        ids.sort(Comparator.naturalOrder());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                List<Order> a = byAssessment.get(ids.get(i));
                List<Order> b = byAssessment.get(ids.get(j));
                if (a.getFirst().userId().equals(b.getFirst().userId())) {
                    continue;
                }
                List<Order[]> matches = match(a, b);
                int shorter = Math.min(a.size(), b.size());
                BigDecimal share = BigDecimal.valueOf(matches.size()).divide(BigDecimal.valueOf(shorter), 4,
                        RoundingMode.HALF_UP);
                if (matches.size() >= minMatches && share.compareTo(minShare) >= 0) {
                    findings.add(finding(a.getFirst(), b.getFirst(), matches, share));
                }
            }
        }
        return findings;
    }

    /** Greedy one-to-one matching in time order: each order of {@code b} matches at most one of {@code a}. */
    private List<Order[]> match(List<Order> a, List<Order> b) {
        boolean[] used = new boolean[b.size()];
        List<Order[]> matches = new ArrayList<>();
        for (Order x : a) {
            for (int k = 0; k < b.size(); k++) {
                Order y = b.get(k);
                if (!used[k] && same(x, y) && Duration.between(x.createdAt(), y.createdAt()).abs()
                        .compareTo(window) <= 0) {
                    used[k] = true;
                    matches.add(new Order[]{x, y});
                    break;
                }
            }
        }
        return matches;
    }

    private static boolean same(Order x, Order y) {
        return x.instrument().equals(y.instrument()) && x.side().equals(y.side()) && x.type().equals(y.type())
                && x.qty().compareTo(y.qty()) == 0;
    }

    private Finding finding(Order a, Order b, List<Order[]> matches, BigDecimal share) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        java.util.TreeSet<String> instruments = new java.util.TreeSet<>();
        for (Order[] m : matches) {
            instruments.add(m[0].instrument());
            evidence.add(Map.of("instrument", m[0].instrument(), "side", m[0].side(), "qty",
                    m[0].qty().toPlainString(), "orders", List.of(m[0].orderId(), m[1].orderId()),
                    "secondsApart", Duration.between(m[0].createdAt(), m[1].createdAt()).abs().toMillis() / 1000.0));
        }
        return new Finding(Finding.Pattern.COPY_TRADING, List.of(a.userId(), b.userId()),
                List.of(a.assessmentId(), b.assessmentId()), List.copyOf(instruments), matches.size(),
                matches.size() + " orders of these assessments are identical (instrument, side, type, quantity) "
                        + "within " + window.toSeconds() + " s — " + share.movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "% of the shorter order stream", evidence);
    }
}
