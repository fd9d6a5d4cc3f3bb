package com.vaticprop.core.engine;

import com.vaticprop.core.events.DirectPublisher;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AccountSnapshot;
import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.rules.RuleCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes {@code assessment.account-snapshot} — balance, equity, open and day P&L and every rule's distance — for the
 * live dashboards. Directly to Kafka, not through the outbox (CONTRACTS.md: latest-wins, compacted, no seq): a lost
 * snapshot is replaced by the next. Only on change, and at most once per {@code min-interval} (500 ms) per
 * assessment: engines marked changed by commands or quotes are collected every 100 ms (a {@code PeriodicTask}).
 */
public final class AccountSnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(AccountSnapshotPublisher.class);

    private final LiveAssessments live;
    private final DirectPublisher publisher;
    private final Clock clock;
    private final Duration minInterval;
    private final Map<UUID, Published> last = new ConcurrentHashMap<>();
    private final Counter published;

    private record Published(long atNanos, AccountSnapshot content) {
    }

    public AccountSnapshotPublisher(LiveAssessments live, DirectPublisher publisher, Clock clock,
                                    Duration minInterval, MeterRegistry meters) {
        this.live = live;
        this.publisher = publisher;
        this.clock = clock;
        this.minInterval = minInterval;
        this.published = Counter.builder("vatic.account.snapshots").description("account snapshots published")
                .register(meters);
    }

    public void publishDue() {
        long now = System.nanoTime();
        for (LiveAssessment a : live.all()) {
            Published previous = last.get(a.assessmentId);
            if (previous != null && now - previous.atNanos < minInterval.toNanos()) {
                continue;
            }
            AccountSnapshot snapshot;
            int phase;
            if (!a.lock.tryLock()) {
                continue; // busy with a command: it stays dirty and goes out next round
            }
            try {
                if (!a.snapshotDirty || a.engine.account().isEmpty()) {
                    continue;
                }
                a.snapshotDirty = false;
                snapshot = snapshotOf(a, clock.instant());
                phase = a.engine.phase();
            } finally {
                a.lock.unlock();
            }
            if (previous != null && sameValues(previous.content, snapshot)) {
                continue;
            }
            EventEnvelope<AccountSnapshot> envelope = EventEnvelope.forAssessment(EventType.ACCOUNT_SNAPSHOT,
                    snapshot.at(), a.assessmentId, a.userId, 0, phase, snapshot);
            publisher.send(Topic.ACCOUNT_SNAPSHOT.topicName(), a.assessmentId.toString(), envelope)
                    .whenComplete((meta, error) -> {
                        if (error != null) {
                            log.debug("account snapshot of {} not published: {}", a.assessmentId, error.toString());
                        }
                    });
            last.put(a.assessmentId, new Published(now, snapshot));
            published.increment();
        }
    }

    static AccountSnapshot snapshotOf(LiveAssessment a, Instant at) {
        Account account = a.engine.account().orElseThrow();
        var s = account.snapshot();
        List<RuleCheck> checks = a.engine.peek(at).map(e -> e.checks()).orElse(List.of());
        List<AccountSnapshot.RuleDistance> rules = checks.stream().map(c -> new AccountSnapshot.RuleDistance(
                c.rule().name(), c.measured(), c.threshold(), c.distance(), c.distancePct(), c.explanation())).toList();
        return new AccountSnapshot(s.balance(), s.equity(), s.unrealizedPnl(), s.equity().subtract(s.dayOpenEquity()),
                rules, at);
    }

    /** Equal apart from the time: nothing a dashboard would show has changed. */
    private static boolean sameValues(AccountSnapshot a, AccountSnapshot b) {
        return a.balance().compareTo(b.balance()) == 0 && a.equity().compareTo(b.equity()) == 0
                && a.openPnl().compareTo(b.openPnl()) == 0 && Objects.equals(a.rules(), b.rules());
    }
}
