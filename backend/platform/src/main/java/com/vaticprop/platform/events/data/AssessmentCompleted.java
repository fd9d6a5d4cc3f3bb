package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.UUID;

public record AssessmentCompleted(Result result, Reason reason, BigDecimal finalBalance, BigDecimal finalEquity,
                                  UUID violationId) implements EventData {
    public enum Result { PASSED, FAILED }

    public enum Reason { TARGET_MET, DAILY_LOSS, MAX_LOSS, TIME_LIMIT, INACTIVITY, ADMIN }
}
