package com.vaticprop.core.tier;

import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.trading.ruleset.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TierValidationTest {

    private static final JsonNode RULE_SET = DevelopmentSeed.seedTiers().get(0).get("ruleSet");

    @Test
    void aValidRequestIsNormalised() {
        TierValidation.ValidTier valid = TierValidation.validate(
                new TierRequest("  Crypto  Two-Step ", " ", "549", "USD", "99.5", RULE_SET, null));
        assertThat(valid.name()).isEqualTo("Crypto  Two-Step");
        assertThat(valid.nameKey()).isEqualTo("crypto two-step");
        assertThat(valid.description()).isNull();
        assertThat(valid.price()).isEqualByComparingTo("549").hasScaleOf(2);
        assertThat(valid.resetPrice().toPlainString()).isEqualTo("99.50");
        assertThat(valid.ruleSetJson()).contains("\"initialBalance\":\"100000\"");
    }

    @Test
    void pricesAreBoundedAndHaveAtMostTwoDecimals() {
        for (String ok : new String[]{"0.01", "100000", "100000.00", "549.000"}) {
            assertThat(TierValidation.validate(new TierRequest("n", null, ok, "USD", null, RULE_SET, null)).price())
                    .as(ok).isNotNull();
        }
        for (String bad : new String[]{"0", "0.00", "-0.01", "100000.01", "1E+3", "0.001", "NaN", "1,00"}) {
            assertThat(errors(new TierRequest("n", null, bad, "USD", null, RULE_SET, null))).as(bad)
                    .extracting(FieldError::path).containsExactly("price");
        }
    }

    @Test
    void ruleSetErrorsArePrefixed() {
        assertThat(TierValidation.ruleSetPath("maxLoss.pct")).isEqualTo("ruleSet.maxLoss.pct");
        assertThat(TierValidation.ruleSetPath("phases[0].name")).isEqualTo("ruleSet.phases[0].name");
        assertThat(TierValidation.ruleSetPath("ruleSet")).isEqualTo("ruleSet");
        assertThat(errors(new TierRequest("n", null, "1", "USD", null, null, null)))
                .extracting(FieldError::path).containsExactly("ruleSet");
    }

    @Test
    void slugsAreReadableAndUnique() {
        UUID id = UUID.fromString("0b4e7c1a-0000-4000-8000-000000000000");
        assertThat(TierService.slug("Crypto Two-Step 100K", id)).isEqualTo("crypto-two-step-100k-0b4e7c1a");
        assertThat(TierService.slug("Přípravný ✓ tier", id)).isEqualTo("pripravny-tier-0b4e7c1a");
        assertThat(TierService.slug("✓✓", id)).isEqualTo("tier-0b4e7c1a");
        assertThat(TierService.slug("x".repeat(100), id)).hasSizeLessThanOrEqualTo(64);
    }

    private static java.util.List<FieldError> errors(TierRequest request) {
        return catchThrowableOfType(FieldErrorsException.class, () -> TierValidation.validate(request)).errors();
    }
}
