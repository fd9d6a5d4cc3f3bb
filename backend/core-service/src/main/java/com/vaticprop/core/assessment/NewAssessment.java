package com.vaticprop.core.assessment;

import java.util.UUID;

/**
 * What opening an assessment needs: who, which pinned tier version and its canonical rule-set JSON, and the purchase
 * that paid for it (null for assessments an admin grants).
 */
public record NewAssessment(UUID userId, UUID purchaseId, UUID tierId, int tierVersion, String ruleSetJson) {
}
