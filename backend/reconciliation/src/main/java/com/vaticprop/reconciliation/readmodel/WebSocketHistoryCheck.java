package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.reconciliation.Finding;
import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.ledger.CoreData;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * websocket-service's resume history in Redis ({@code <prefix>ws:history:<assessment>}, a stream whose entry ids are
 * {@code <seq>-0}) and latest snapshot ({@code <prefix>ws:snapshot:<assessment>}): the history must be gap-free, end
 * at core's last seq, hold each seq as the event core wrote under it, and the snapshot's balance must be core's.
 * The history is bounded (1,000 events by default), so only what it still holds is compared.
 */
public final class WebSocketHistoryCheck implements ReadModelCheck {

    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final JsonMapper json = VaticJson.mapper();

    public WebSocketHistoryCheck(RedisCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void check(CoreData core, Findings findings) {
        CoreFigures figures = CoreFigures.of(core);
        Map<String, String> typeBySeq = new HashMap<>();
        core.outbox().stream().filter(r -> r.seq() != null)
                .forEach(r -> typeBySeq.put(r.assessmentId() + "/" + r.seq(), r.type()));
        long entries = 0;
        for (UUID a : core.assessments()) {
            long coreSeq = core.lastSeqByAssessment().get(a);
            List<StreamMessage<String, String>> history = redis.xrange(prefix + "ws:history:" + a, Range.create("-", "+"));
            entries += history.size();
            if (history.isEmpty()) {
                if (coreSeq > 0) {
                    findings.add(Finding.Kind.LOST, name(), "assessment " + a,
                            "no resume history in Redis, core is at seq " + coreSeq);
                }
            } else {
                checkHistory(a, coreSeq, history, typeBySeq, findings);
            }
            checkSnapshot(a, figures.balance().get(a), findings);
        }
        findings.counted("websocket history entries", entries);
    }

    private void checkHistory(UUID a, long coreSeq, List<StreamMessage<String, String>> history,
                              Map<String, String> typeBySeq, Findings findings) {
        long expected = -1;
        for (StreamMessage<String, String> m : history) {
            long seq = Long.parseLong(m.getId().substring(0, m.getId().indexOf('-')));
            if (expected >= 0 && seq != expected) {
                findings.add(Finding.Kind.GAP, name(), "assessment " + a, "resume history jumps from seq "
                        + (expected - 1) + " to " + seq);
            }
            expected = seq + 1;
            JsonNode frame = json.readTree(m.getBody().getOrDefault("f", "{}"));
            String offset = frame.hasNonNull("offset") ? frame.get("offset").asString() : null;
            String type = frame.hasNonNull("type") ? frame.get("type").asString() : null;
            String coreType = typeBySeq.get(a + "/" + seq);
            if (!Long.toString(seq).equals(offset) || (coreType != null && !coreType.equals(type))) {
                findings.add(Finding.Kind.MISMATCH, name(), "assessment " + a + " seq " + seq,
                        "history holds " + type + " offset " + offset + ", core wrote " + coreType + " under that seq");
            }
        }
        if (expected - 1 != coreSeq) {
            findings.add(Finding.Kind.MISMATCH, name(), "assessment " + a,
                    "resume history ends at seq " + (expected - 1) + ", core is at seq " + coreSeq);
        }
    }

    private void checkSnapshot(UUID a, BigDecimal coreBalance, Findings findings) {
        String stored = redis.get(prefix + "ws:snapshot:" + a);
        if (stored == null || coreBalance == null) {
            return;
        }
        JsonNode data = json.readTree(stored).path("data");
        if (!data.hasNonNull("balance")) {
            return;
        }
        BigDecimal balance = new BigDecimal(data.get("balance").asString());
        if (!CoreFigures.same(balance, coreBalance)) {
            findings.add(Finding.Kind.MISMATCH, name(), "balance of assessment " + a,
                    "latest account snapshot says " + balance + ", core's account says " + coreBalance);
        }
    }
}
