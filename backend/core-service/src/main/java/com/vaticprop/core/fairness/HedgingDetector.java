package com.vaticprop.core.fairness;

import com.vaticprop.core.fairness.TradingRecords.OpenedPosition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Hedging across accounts: two different users open opposite positions (LONG and SHORT) on the same instrument within
 * a few seconds of each other — one of the two accounts is bound to pass, the pair together risks nothing. Positions
 * are paired one to one in time order; reported per pair of users once it happened at least {@code minOccurrences}
 * times in the period.
 */
final class HedgingDetector {

    private final Duration window;
    private final int minOccurrences;

    HedgingDetector(Duration window, int minOccurrences) {
        this.window = window;
        this.minOccurrences = minOccurrences;
    }

    List<Finding> detect(List<OpenedPosition> positions) {
        List<OpenedPosition> sorted = new ArrayList<>(positions);
        sorted.sort(Comparator.comparing(OpenedPosition::openedAt));
        Map<String, List<OpenedPosition[]>> byPair = new LinkedHashMap<>();
        boolean[] used = new boolean[sorted.size()];
        // one to one in time order: each position is part of at most one occurrence
        for (int i = 0; i < sorted.size(); i++) {
            OpenedPosition a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && !used[i]; j++) {
                OpenedPosition b = sorted.get(j);
                if (Duration.between(a.openedAt(), b.openedAt()).compareTo(window) > 0) {
                    break;
                }
                if (!used[j] && a.instrument().equals(b.instrument()) && !a.side().equals(b.side())
                        && !a.userId().equals(b.userId())) {
                    used[i] = true;
                    used[j] = true;
                    byPair.computeIfAbsent(pairKey(a.userId(), b.userId()), k -> new ArrayList<>())
                            .add(new OpenedPosition[]{a, b});
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byPair.forEach((pair, matches) -> {
            if (matches.size() < minOccurrences) {
                return;
            }
            TreeSet<UUID> users = new TreeSet<>();
            TreeSet<UUID> assessments = new TreeSet<>();
            TreeSet<String> instruments = new TreeSet<>();
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (OpenedPosition[] m : matches) {
                for (OpenedPosition p : m) {
                    users.add(p.userId());
                    assessments.add(p.assessmentId());
                    instruments.add(p.instrument());
                }
                evidence.add(Map.of("instrument", m[0].instrument(),
                        "positions", List.of(position(m[0]), position(m[1])),
                        "secondsApart", Duration.between(m[0].openedAt(), m[1].openedAt()).toMillis() / 1000.0));
            }
            findings.add(new Finding(Finding.Pattern.CROSS_ACCOUNT_HEDGING, List.copyOf(users),
                    List.copyOf(assessments), List.copyOf(instruments), matches.size(),
                    matches.size() + " times these users opened opposite positions on the same instrument within "
                            + window.toSeconds() + " s of each other", evidence));
        });
        return findings;
    }

    private static Map<String, Object> position(OpenedPosition p) {
        return Map.of("positionId", p.positionId(), "assessmentId", p.assessmentId(), "userId", p.userId(),
                "side", p.side(), "qty", p.qty().toPlainString(), "openedAt", p.openedAt().toString());
    }

    private static String pairKey(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
