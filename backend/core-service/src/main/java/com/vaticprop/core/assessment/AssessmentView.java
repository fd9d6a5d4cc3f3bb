package com.vaticprop.core.assessment;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An assessment as its owner sees it: state, phase, the account and every rule with its distance to the limit. */
@Schema(name = "Assessment")
public record AssessmentView(UUID id, UUID userId, UUID purchaseId, UUID tierId, int tierVersion, String status,
                             Phase phase, String resultReason, String abandonReason, boolean fundedEligible,
                             Instant createdAt, Instant startedAt, Instant endedAt,
                             @Schema(description = "Absent in list responses") Account account,
                             @Schema(description = "Absent in list responses and before the start")
                             List<Rule> rules) {

    /** @param count how many phases the tier has (1 = one-step, 2 = two-step) */
    public record Phase(int index, String name, int count) {
    }

    /**
     * Money as decimal strings in the account currency. {@code todayPnl} is equity minus the day's opening equity in
     * the rule set's day-boundary zone.
     */
    public record Account(UUID id, String currency, String initialBalance, String balance, String equity,
                          String openPnl, String todayPnl, String realizedPnl, String fees, Integer tradingDays,
                          Integer openPositions) {
    }

    /**
     * One rule as of now: the measured value, its limit, how far from it ({@code distance} in the rule's unit,
     * {@code distancePct} the share of the allowance left), and the rule engine's explanation.
     */
    public record Rule(String rule, String kind, String verdict, String value, String limit, String distance,
                       String distancePct, String unit, String explanation) {
    }
}
