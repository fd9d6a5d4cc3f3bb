package com.vaticprop.core.assessment;

import java.util.UUID;

/** The ids of an assessment just opened and of its first virtual account. */
public record OpenedAssessment(UUID assessmentId, UUID accountId) {
}
