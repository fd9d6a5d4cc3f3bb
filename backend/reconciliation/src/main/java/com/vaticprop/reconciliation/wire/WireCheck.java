package com.vaticprop.reconciliation.wire;

import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.Window;
import com.vaticprop.reconciliation.ledger.CoreData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Core's outbox against Kafka, by event id and by per-assessment {@code seq}: an outbox row the relay stamped
 * published but that is not on its topic is LOST; an id on Kafka more than once is DUPLICATED (the relay is
 * at-least-once on the wire, so a crash between the broker's ack and the stamp legitimately re-sends —
 * {@code tolerateWireDuplicates} reports those without failing); an assessment's events that reach Kafka in a
 * different order than their seq (within a partition, or across topics: the relay sends seq n+1 only after n was
 * acknowledged) are OUT_OF_ORDER; holes in the seq numbers are GAPs; and the fills the outbox announces must be
 * core's trades, both ways.
 */
public final class WireCheck {

    private static final String WIRE = "kafka";
    private static final String OUTBOX = "core outbox";

    private final boolean tolerateWireDuplicates;

    public WireCheck(boolean tolerateWireDuplicates) {
        this.tolerateWireDuplicates = tolerateWireDuplicates;
    }

    public void check(CoreData core, List<WireEvent> wire, Window window, Findings findings) {
        Set<UUID> assessments = core.assessments();
        Map<UUID, CoreData.OutboxRow> outbox = new LinkedHashMap<>();
        core.outbox().stream().filter(r -> r.seq() != null).forEach(r -> outbox.put(r.id(), r));
        Map<UUID, List<WireEvent>> byId = new HashMap<>();
        for (WireEvent e : wire) {
            if (e.id() == null) {
                findings.add(Finding.Kind.MISMATCH, WIRE, e.position(), "a record that is not an event envelope");
            } else if (outbox.containsKey(e.id())
                    || (assessments.contains(e.assessmentId()) && e.occurredAt() != null && window.contains(e.occurredAt()))) {
                byId.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(e);
            }
        }
        findings.counted("outbox events", outbox.size());
        findings.counted("kafka events", byId.values().stream().mapToLong(List::size).sum());

        for (CoreData.OutboxRow row : outbox.values()) {
            List<WireEvent> copies = byId.getOrDefault(row.id(), List.of());
            String item = row.type() + " " + row.id() + " (assessment " + row.assessmentId() + " seq " + row.seq() + ")";
            if (copies.isEmpty()) {
                if (row.publishedAt() != null) {
                    findings.add(Finding.Kind.LOST, WIRE, item, "published " + row.publishedAt()
                            + " according to the outbox but not on " + row.topic());
                } else {
                    findings.add(Finding.Kind.UNPUBLISHED, OUTBOX, item, "written " + row.createdAt()
                            + ", not yet published by the relay");
                }
                continue;
            }
            for (WireEvent copy : copies) {
                if (!row.topic().equals(copy.topic()) || !row.seq().equals(copy.seq())
                        || !row.type().equals(copy.type())) {
                    findings.add(Finding.Kind.MISMATCH, WIRE, item, "on Kafka as " + copy.type() + " seq " + copy.seq()
                            + " at " + copy.position());
                }
            }
            if (copies.size() > 1) {
                String where = copies.stream().map(WireEvent::position).collect(Collectors.joining(", "));
                if (tolerateWireDuplicates) {
                    findings.counted("tolerated wire duplicates", copies.size() - 1);
                } else {
                    findings.add(Finding.Kind.DUPLICATED, WIRE, item, copies.size() + " copies: " + where);
                }
            }
        }
        for (Map.Entry<UUID, List<WireEvent>> e : byId.entrySet()) {
            if (!outbox.containsKey(e.getKey())) {
                WireEvent w = e.getValue().get(0);
                findings.add(Finding.Kind.MISMATCH, WIRE, w.type() + " " + w.id() + " at " + w.position(),
                        "on Kafka (assessment " + w.assessmentId() + " seq " + w.seq() + ") but not in core's outbox");
            }
        }
        checkOrder(byId, outbox, findings);
        checkGaps(core, byId, outbox, findings);
        checkTrades(core, outbox.values(), window, findings);
    }

    /** Per partition in offset order, and across topics in broker time, each assessment's seq must only increase. */
    private static void checkOrder(Map<UUID, List<WireEvent>> byId, Map<UUID, CoreData.OutboxRow> outbox,
                                   Findings findings) {
        List<WireEvent> firsts = new ArrayList<>();
        for (Map.Entry<UUID, List<WireEvent>> e : byId.entrySet()) {
            if (outbox.containsKey(e.getKey())) {
                firsts.add(e.getValue().stream().min(Comparator.comparingLong(WireEvent::offset)).orElseThrow());
            }
        }
        Map<String, List<WireEvent>> byPartition = firsts.stream()
                .collect(Collectors.groupingBy(w -> w.topic() + "/" + w.partition() + "/" + w.assessmentId()));
        Set<UUID> reported = new HashSet<>();
        for (List<WireEvent> run : byPartition.values()) {
            run.sort(Comparator.comparingLong(WireEvent::offset));
            for (int i = 1; i < run.size(); i++) {
                WireEvent before = run.get(i - 1);
                WireEvent after = run.get(i);
                if (after.seq() < before.seq()) {
                    reported.add(after.assessmentId());
                    findings.add(Finding.Kind.OUT_OF_ORDER, WIRE, "assessment " + after.assessmentId(), "seq "
                            + after.seq() + " (" + after.id() + ") at " + after.position() + " after seq " + before.seq()
                            + " at " + before.position());
                }
            }
        }
        Map<UUID, List<WireEvent>> byAssessment = firsts.stream().collect(Collectors.groupingBy(WireEvent::assessmentId));
        for (Map.Entry<UUID, List<WireEvent>> e : byAssessment.entrySet()) {
            if (reported.contains(e.getKey())) {
                continue;
            }
            List<WireEvent> run = e.getValue();
            run.sort(Comparator.comparingLong(WireEvent::seq));
            for (int i = 1; i < run.size(); i++) {
                WireEvent before = run.get(i - 1);
                WireEvent after = run.get(i);
                if (after.appendedAt().isBefore(before.appendedAt())) {
                    findings.add(Finding.Kind.OUT_OF_ORDER, WIRE, "assessment " + e.getKey(), "seq " + after.seq()
                            + " reached Kafka at " + after.appendedAt() + " (" + after.position() + "), before seq "
                            + before.seq() + " at " + before.appendedAt() + " (" + before.position() + ")");
                    break;
                }
            }
        }
    }

    /** Holes in the outbox's seq numbers (core's own) and in what reached Kafka, per assessment. */
    private static void checkGaps(CoreData core, Map<UUID, List<WireEvent>> byId, Map<UUID, CoreData.OutboxRow> outbox,
                                  Findings findings) {
        Map<UUID, TreeSet<Long>> db = new HashMap<>();
        outbox.values().forEach(r -> db.computeIfAbsent(r.assessmentId(), a -> new TreeSet<>()).add(r.seq()));
        Map<UUID, TreeSet<Long>> kafka = new HashMap<>();
        byId.values().forEach(copies -> {
            WireEvent w = copies.get(0);
            if (w.seq() != null) {
                kafka.computeIfAbsent(w.assessmentId(), a -> new TreeSet<>()).add(w.seq());
            }
        });
        for (Map.Entry<UUID, TreeSet<Long>> e : db.entrySet()) {
            reportHoles(OUTBOX, e.getKey(), e.getValue(), findings);
            long last = core.lastSeqByAssessment().getOrDefault(e.getKey(), 0L);
            if (e.getValue().last() > last) {
                findings.add(Finding.Kind.MISMATCH, OUTBOX, "assessment " + e.getKey(),
                        "outbox seq " + e.getValue().last() + " above assessments.last_seq " + last);
            }
        }
        kafka.forEach((assessment, seqs) -> reportHoles(WIRE, assessment, seqs, findings));
    }

    private static void reportHoles(String where, UUID assessment, TreeSet<Long> seqs, Findings findings) {
        long expected = seqs.first();
        List<String> holes = new ArrayList<>();
        for (long s : seqs) {
            if (s > expected) {
                holes.add(s - expected == 1 ? Long.toString(expected) : expected + ".." + (s - 1));
            }
            expected = s + 1;
        }
        if (!holes.isEmpty()) {
            findings.add(Finding.Kind.GAP, where, "assessment " + assessment, "seq missing: " + String.join(", ", holes)
                    + " (between " + seqs.first() + " and " + seqs.last() + ")");
        }
    }

    /** Every trade of the window is announced by a fill event, and every announced fill is a stored trade. */
    private static void checkTrades(CoreData core, java.util.Collection<CoreData.OutboxRow> outbox, Window window,
                                    Findings findings) {
        Map<UUID, CoreData.OutboxRow> announced = new HashMap<>();
        outbox.stream().filter(r -> r.tradeId() != null).forEach(r -> announced.put(r.tradeId(), r));
        Set<UUID> stored = new HashSet<>();
        for (CoreData.Trade t : core.trades()) {
            stored.add(t.id());
            if (window.contains(t.executedAt()) && !announced.containsKey(t.id())) {
                findings.add(Finding.Kind.LOST, OUTBOX, "trade " + t.id() + " (assessment " + t.assessmentId() + ")",
                        "in core.trades but no trading.order-filled event announces it");
            }
        }
        for (CoreData.OutboxRow r : announced.values()) {
            if (!stored.contains(r.tradeId()) && !core.voidedTrades().contains(r.tradeId())) {
                findings.add(Finding.Kind.LOST, "core db", "trade " + r.tradeId() + " (assessment " + r.assessmentId()
                        + ")", "announced by " + r.type() + " " + r.id() + " seq " + r.seq() + " but not in core.trades");
            }
        }
    }
}
