package com.vaticprop.platform.events.data;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin voided the breach that failed the assessment (a bad tick): the trader's state from just before the quote
 * that breached is back. Read models drop the voided trades and positions — the breaching quote's fills and the
 * liquidation — so that their figures equal the core's again.
 *
 * @param restoredState     ACTIVE, or PAUSED if the breach interrupted a pause
 * @param actor             the admin's user id
 * @param voidedTradeIds    trades that no longer count (null in events written before this field existed)
 * @param voidedPositionIds positions opened on or after the bad tick, which no longer exist (null likewise)
 * @param reopenedPositionIds positions the liquidation had closed, open again: their round trips are undone
 */
public record AssessmentReinstated(Instant at, UUID voidedViolationId, String restoredState, String actor,
                                   String reason, List<UUID> voidedTradeIds, List<UUID> voidedPositionIds,
                                   List<UUID> reopenedPositionIds) implements EventData {
    public AssessmentReinstated {
        voidedTradeIds = voidedTradeIds == null ? List.of() : List.copyOf(voidedTradeIds);
        voidedPositionIds = voidedPositionIds == null ? List.of() : List.copyOf(voidedPositionIds);
        reopenedPositionIds = reopenedPositionIds == null ? List.of() : List.copyOf(reopenedPositionIds);
    }
}
