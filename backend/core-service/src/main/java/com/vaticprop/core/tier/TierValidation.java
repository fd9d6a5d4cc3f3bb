package com.vaticprop.core.tier;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.trading.ruleset.FieldError;
import com.vaticprop.trading.ruleset.RuleSetValidation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a {@link TierRequest} and turns it into what is stored: every problem is reported at once, by field, rule-set
 * problems under {@code ruleSet.} (the trading engine's paths, e.g. {@code ruleSet.maxLoss.pct}).
 */
final class TierValidation {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final BigDecimal MAX_PRICE = new BigDecimal("100000");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A request that passed: trimmed name and its uniqueness key, prices, and the canonical rule-set JSON. */
    record ValidTier(String name, String nameKey, String description, BigDecimal price, String currency,
                     BigDecimal resetPrice, String ruleSetJson) {
    }

    private TierValidation() {
    }

    static ValidTier validate(TierRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : Normalizer.normalize(request.name().strip(), Normalizer.Form.NFC);
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        BigDecimal price = price("price", request.price(), true, errors);
        BigDecimal resetPrice = price("resetPrice", request.resetPrice(), false, errors);
        String currency = request.currency();
        boolean currencyValid = currency != null && CURRENCY.matcher(currency).matches() && isoCurrency(currency);
        if (currency == null) {
            errors.add(new FieldError("currency", "is required"));
        } else if (!currencyValid) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code in capitals, such as USD"));
        }
        if (request.expectedVersion() != null && request.expectedVersion() < 1) {
            errors.add(new FieldError("expectedVersion", "must be at least 1"));
        }
        String ruleSetJson = null;
        RuleSetValidation ruleSet = RuleSetJson.read(request.ruleSet());
        if (ruleSet instanceof RuleSetValidation.Valid valid) {
            if (currencyValid && !valid.ruleSet().currency().equals(currency)) {
                errors.add(new FieldError("currency",
                        "must equal the rule set's currency (" + valid.ruleSet().currency() + ")"));
            }
            ruleSetJson = RuleSetJson.write(valid.ruleSet()).toString();
        } else {
            ruleSet.errors().forEach(e -> errors.add(new FieldError(ruleSetPath(e.path()), e.message())));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return new ValidTier(name, nameKey(name), description, price, currency, resetPrice, ruleSetJson);
    }

    /** Case- and space-insensitive key of a name, for uniqueness among active tiers. */
    static String nameKey(String name) {
        String key = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return key.length() > MAX_NAME ? key.substring(0, MAX_NAME) : key;
    }

    static String ruleSetPath(String enginePath) {
        if (enginePath == null || enginePath.isEmpty() || enginePath.equals("ruleSet")) {
            return "ruleSet";
        }
        return enginePath.startsWith("[") ? "ruleSet" + enginePath : "ruleSet." + enginePath;
    }

    private static BigDecimal price(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be a decimal string such as \"549.00\""));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than 0"));
        } else if (amount.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(field, "must be at most " + MAX_PRICE.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most 2 decimal places"));
        } else {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return null;
    }

    private static boolean isoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
