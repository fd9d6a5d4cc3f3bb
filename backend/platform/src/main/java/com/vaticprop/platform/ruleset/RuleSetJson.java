package com.vaticprop.platform.ruleset;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.ruleset.FieldError;
import com.vaticprop.trading.ruleset.RuleSet;
import com.vaticprop.trading.ruleset.RuleSetDocument;
import com.vaticprop.trading.ruleset.RuleSetValidation;
import com.vaticprop.trading.ruleset.RuleSetValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The one JSON mapping of rule sets for every service (tiers in core, pinned rule sets in events, simulations):
 * JSON → {@link RuleSetDocument} → the trading engine's validation. Unknown fields are refused, because a misspelt
 * limit ("dailyLos") silently dropped would sell a tier without its rule.
 */
public final class RuleSetJson {

    private static final JsonMapper STRICT = VaticJson.mapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleSetJson() {
    }

    /** Reads and validates; every problem comes back as a field error, never as an exception. */
    public static RuleSetValidation read(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new RuleSetValidation.Invalid(List.of(new FieldError("ruleSet", "must be a JSON object")));
        }
        RuleSetDocument document;
        try {
            document = STRICT.treeToValue(json, RuleSetDocument.class);
        } catch (UnrecognizedPropertyException e) {
            return new RuleSetValidation.Invalid(List.of(new FieldError(path(e), "is not a rule-set field")));
        } catch (MismatchedInputException e) {
            return new RuleSetValidation.Invalid(List.of(new FieldError(path(e), "has the wrong JSON type")));
        } catch (JacksonException e) {
            return new RuleSetValidation.Invalid(List.of(new FieldError(path(e), "cannot be read")));
        }
        return RuleSetValidator.validate(document);
    }

    public static RuleSetValidation read(String json) {
        try {
            return read(STRICT.readTree(json));
        } catch (JacksonException e) {
            return new RuleSetValidation.Invalid(List.of(new FieldError("ruleSet", "is not valid JSON")));
        }
    }

    /** The canonical JSON of a validated rule set (decimals as strings), as pinned in {@code assessment.created}. */
    public static JsonNode write(RuleSet ruleSet) {
        return VaticJson.mapper().valueToTree(RuleSetDocument.from(ruleSet));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "ruleSet" : path.toString();
    }
}
