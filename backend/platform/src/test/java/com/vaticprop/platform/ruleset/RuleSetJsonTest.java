package com.vaticprop.platform.ruleset;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.ruleset.FieldError;
import com.vaticprop.trading.ruleset.MaxLossMode;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetValidation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed tiers (a copy of shared/fixtures/tiers.json) through the platform's one rule-set mapping. */
class RuleSetJsonTest {

    private static List<JsonNode> fixtureRuleSets() throws Exception {
        try (InputStream in = RuleSetJsonTest.class.getResourceAsStream("/fixtures/tiers.json")) {
            JsonNode tiers = VaticJson.mapper().readTree(in);
            List<JsonNode> ruleSets = new ArrayList<>();
            tiers.forEach(t -> ruleSets.add(t.get("ruleSet")));
            return ruleSets;
        }
    }

    @Test
    void everySeedTierIsValidAndKeepsItsLimits() throws Exception {
        List<JsonNode> ruleSets = fixtureRuleSets();
        assertThat(ruleSets).hasSize(3);
        for (JsonNode json : ruleSets) {
            RuleSetValidation result = RuleSetJson.read(json);
            assertThat(result.errors()).as(json.toString()).isEmpty();
        }
        RuleSet trailing = RuleSetJson.read(ruleSets.get(1)).orThrow();
        assertThat(trailing.initialBalance()).isEqualByComparingTo("50000");
        assertThat(trailing.maxLoss().mode()).isEqualTo(MaxLossMode.TRAILING_EOD_BALANCE);
        assertThat(trailing.maxLoss().lockOffset()).isEqualByComparingTo("100");
        assertThat(trailing.dayBoundary().zone().getId()).isEqualTo("UTC");
    }

    @Test
    void writtenJsonReadsBackToTheSameRuleSetWithDecimalsAsStrings() throws Exception {
        for (JsonNode json : fixtureRuleSets()) {
            RuleSet original = RuleSetJson.read(json).orThrow();
            JsonNode written = RuleSetJson.write(original);
            assertThat(written.get("initialBalance").isString()).isTrue();
            assertThat(written.get("maxLoss").get("mode").asString()).isEqualTo(original.maxLoss().mode().name());
            assertThat(RuleSetJson.read(written).orThrow()).isEqualTo(original);
        }
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPath() throws Exception {
        ObjectNode json = (ObjectNode) fixtureRuleSets().get(0).deepCopy();
        json.set("dailyLos", json.remove("dailyLoss"));
        assertThat(RuleSetJson.read(json).errors()).containsExactly(
                new FieldError("dailyLos", "is not a rule-set field"));
    }

    @Test
    void aWrongJsonTypeIsAFieldErrorNotAnException() throws Exception {
        ObjectNode json = (ObjectNode) fixtureRuleSets().get(0).deepCopy();
        json.put("phases", "two");
        RuleSetValidation result = RuleSetJson.read(json);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::path).containsExactly("phases");
    }

    @Test
    void engineValidationErrorsComeBackByField() throws Exception {
        ObjectNode json = (ObjectNode) fixtureRuleSets().get(0).deepCopy();
        ((ObjectNode) json.get("maxLoss")).put("pct", "-3");
        ((ObjectNode) json.get("dayBoundary")).put("zone", "Mars/Olympus");
        List<String> paths = RuleSetJson.read(json).errors().stream().map(FieldError::path).toList();
        assertThat(paths).contains("maxLoss.pct", "dayBoundary.zone");
    }

    @Test
    void notAnObjectOrNotJsonIsRefused() {
        assertThat(RuleSetJson.read("[1,2]").errors()).extracting(FieldError::path).containsExactly("ruleSet");
        assertThat(RuleSetJson.read("{oops").errors()).containsExactly(new FieldError("ruleSet", "is not valid JSON"));
    }
}
