package com.vaticprop.benchmarks.websocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An event encoded once by the platform's codec with sentinel values, then re-rendered with real values by string
 * concatenation: the producer must offer tens of thousands of events a second on the same two cores as the server, so
 * it should not spend them on JSON encoding. The wire format stays exactly the codec's.
 */
final class EventTemplate {

    private final String[] parts;
    private final int[] slotOrder;

    /** {@code encoded} must contain each sentinel exactly once. */
    EventTemplate(String encoded, String... sentinels) {
        record At(int slot, int index, int length) {
        }
        List<At> found = new ArrayList<>();
        for (int i = 0; i < sentinels.length; i++) {
            int at = encoded.indexOf(sentinels[i]);
            if (at < 0 || encoded.indexOf(sentinels[i], at + 1) >= 0) {
                throw new IllegalArgumentException("sentinel " + sentinels[i] + " not exactly once in " + encoded);
            }
            found.add(new At(i, at, sentinels[i].length()));
        }
        found.sort(Comparator.comparingInt(At::index));
        parts = new String[found.size() + 1];
        slotOrder = new int[found.size()];
        int from = 0;
        for (int i = 0; i < found.size(); i++) {
            At a = found.get(i);
            parts[i] = encoded.substring(from, a.index());
            slotOrder[i] = a.slot();
            from = a.index() + a.length();
        }
        parts[found.size()] = encoded.substring(from);
    }

    /** The event with {@code values[i]} in place of sentinel {@code i}. */
    byte[] render(String... values) {
        StringBuilder sb = new StringBuilder(parts[0].length() * 2 + 128);
        for (int i = 0; i < slotOrder.length; i++) {
            sb.append(parts[i]).append(values[slotOrder[i]]);
        }
        sb.append(parts[parts.length - 1]);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
