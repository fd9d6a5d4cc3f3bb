package com.vaticprop.core.purchase;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Promotion codes: created and withdrawn by admins (audited), redeemed by purchases. A use is taken in the purchase's
 * own transaction with the code's row locked, so the caps hold exactly under concurrent buyers; a purchase that
 * expires, fails or is refunded gives its use back.
 */
public class PromoCodeService {

    private static final Logger log = LoggerFactory.getLogger(PromoCodeService.class);

    /** {@code POST /admin/promo-codes}; decimals and instants as strings. */
    record CreateRequest(String code, String kind, String percentOff, String amountOff, String currency,
                         String appliesTo, String validFrom, String validUntil, Integer maxRedemptions,
                         Integer maxPerUser) {
    }

    /** A code applied to a purchase: the discount taken off its list price. */
    record Applied(PromoCode code, BigDecimal discount) {
    }

    private final PromoCodeRepository codes;
    private final Optional<StripePromotions> stripe;
    private final AdminAuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    PromoCodeService(PromoCodeRepository codes, Optional<StripePromotions> stripe, AdminAuditLog audit,
                     Transactions transactions, Clock clock) {
        this.codes = codes;
        this.stripe = stripe;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    PromoCode create(UUID admin, CreateRequest request) {
        PromoCode draft = validate(admin, request);
        if (codes.codeExists(draft.code())) {
            throw taken();
        }
        PromoCode code = draft;
        if (stripe.isPresent()) {
            try {
                StripePromotions.Mirrored mirrored = stripe.get().create(draft);
                code = new PromoCode(draft.id(), draft.code(), draft.kind(), draft.percentOff(), draft.amountOff(),
                        draft.currency(), draft.appliesTo(), draft.validFrom(), draft.validUntil(),
                        draft.maxRedemptions(), draft.maxPerUser(), true, mirrored.couponId(),
                        mirrored.promotionCodeId(), admin, draft.createdAt());
            } catch (CheckoutGateway.CheckoutUnavailableException e) {
                log.warn("promo code {} not created: {}", draft.code(), e.getMessage());
                throw new ApiProblemException(HttpStatus.BAD_GATEWAY, "payment-provider-unavailable",
                        "Stripe could not create the promotion code; nothing was created. Try again.");
            }
        }
        PromoCode stored = code;
        transactions.run(() -> {
            if (!codes.insert(stored, clock.instant())) {
                throw taken();
            }
            audit.record(admin, "promo-code.create", stored.id().toString(), null, view(stored, 0), null);
        });
        log.info("promo code created id={} code={} by={}", stored.id(), stored.code(), admin);
        return stored;
    }

    List<Map<String, Object>> list() {
        return transactions.inTransaction(() -> codes.list().stream()
                .map(c -> view(c, codes.uses(c.id(), null))).toList());
    }

    Map<String, Object> setActive(UUID admin, UUID id, boolean active, String reason) {
        return transactions.inTransaction(() -> {
            PromoCode before = codes.find(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                    "not-found", "No such promotion code."));
            codes.setActive(id, active, clock.instant());
            PromoCode after = codes.find(id).orElseThrow();
            long uses = codes.uses(id, null);
            audit.record(admin, active ? "promo-code.activate" : "promo-code.deactivate", id.toString(),
                    Map.of("active", before.active()), Map.of("active", after.active()), reason);
            return view(after, uses);
        });
    }

    /**
     * Takes one use of the code for a purchase being created (call inside its transaction): the code must exist, be
     * active and valid now, apply to this kind of purchase and currency, and have uses left in total and for the user.
     */
    Applied redeem(String rawCode, UUID userId, PurchaseKind kind, BigDecimal price, String currency) {
        String code = normalise(rawCode);
        PromoCode promo = codes.lockByCode(code).orElseThrow(() -> new FieldErrorsException(List.of(
                new FieldError("promoCode", "is not a valid promotion code"))));
        Instant now = clock.instant();
        if (!promo.validAt(now)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "promo-code-not-valid",
                    "This promotion code is not valid at the moment.");
        }
        BigDecimal discount = promo.appliesTo(kind) ? promo.discountOn(price, currency) : null;
        if (discount == null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "promo-code-not-applicable",
                    "This promotion code does not apply to this purchase.");
        }
        if (promo.maxRedemptions() != null && codes.uses(promo.id(), null) >= promo.maxRedemptions()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "promo-code-used-up",
                    "This promotion code has been used up.");
        }
        if (promo.maxPerUser() != null && codes.uses(promo.id(), userId) >= promo.maxPerUser()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "promo-code-limit-reached",
                    "You have already used this promotion code as often as it allows.");
        }
        return new Applied(promo, discount);
    }

    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> view(PromoCode c, long uses) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("code", c.code());
        v.put("kind", c.kind());
        v.put("percentOff", c.percentOff() == null ? null : c.percentOff().toPlainString());
        v.put("amountOff", c.amountOff() == null ? null : c.amountOff().toPlainString());
        v.put("currency", c.currency());
        v.put("appliesTo", c.appliesTo());
        v.put("validFrom", c.validFrom().toString());
        v.put("validUntil", c.validUntil() == null ? null : c.validUntil().toString());
        v.put("maxRedemptions", c.maxRedemptions());
        v.put("maxPerUser", c.maxPerUser());
        v.put("uses", uses);
        v.put("active", c.active());
        v.put("stripePromotionCodeId", c.stripePromotionCodeId());
        return v;
    }

    private PromoCode validate(UUID admin, CreateRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new FieldErrorsException(List.of(new FieldError("code", "is required")));
        }
        String code = normalise(r.code());
        if (!code.matches("[A-Z0-9_-]{3,40}")) {
            errors.add(new FieldError("code", "must be 3-40 letters, digits, '-' or '_'"));
        }
        PromoCode.Kind kind = null;
        try {
            kind = PromoCode.Kind.valueOf(String.valueOf(r.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be PERCENT or AMOUNT"));
        }
        BigDecimal percent = null;
        BigDecimal amount = null;
        String currency = null;
        if (kind == PromoCode.Kind.PERCENT) {
            percent = decimal(errors, "percentOff", r.percentOff());
            if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0
                    || percent.stripTrailingZeros().scale() > 2)) {
                errors.add(new FieldError("percentOff", "must be above 0 and below 100, at most 2 decimals"));
            }
            if (r.amountOff() != null) {
                errors.add(new FieldError("amountOff", "must be absent for PERCENT"));
            }
        } else if (kind == PromoCode.Kind.AMOUNT) {
            amount = decimal(errors, "amountOff", r.amountOff());
            currency = r.currency() == null ? null : r.currency().strip();
            if (currency == null || !currency.matches("[A-Z]{3}") || !knownCurrency(currency)) {
                errors.add(new FieldError("currency", "must be an ISO 4217 code in capitals"));
                currency = null;
            }
            if (amount != null && (amount.signum() <= 0 || (currency != null
                    && amount.stripTrailingZeros().scale() > MinorUnits.fractionDigits(currency)))) {
                errors.add(new FieldError("amountOff", "must be above 0 in whole minor units of the currency"));
            }
            if (r.percentOff() != null) {
                errors.add(new FieldError("percentOff", "must be absent for AMOUNT"));
            }
        }
        PromoCode.AppliesTo appliesTo = PromoCode.AppliesTo.ANY;
        if (r.appliesTo() != null) {
            try {
                appliesTo = PromoCode.AppliesTo.valueOf(r.appliesTo().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("appliesTo", "must be ANY, TIER or RESET"));
            }
        }
        Instant now = clock.instant();
        Instant from = instant(errors, "validFrom", r.validFrom());
        Instant until = instant(errors, "validUntil", r.validUntil());
        Instant start = from == null ? now : from;
        if (until != null && !until.isAfter(start)) {
            errors.add(new FieldError("validUntil", "must be after validFrom"));
        }
        if (r.maxRedemptions() != null && r.maxRedemptions() < 1) {
            errors.add(new FieldError("maxRedemptions", "must be at least 1"));
        }
        if (r.maxPerUser() != null && r.maxPerUser() < 1) {
            errors.add(new FieldError("maxPerUser", "must be at least 1"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return new PromoCode(UUID.randomUUID(), code, kind, percent == null ? null : plain(percent),
                amount == null ? null : MinorUnits.atCurrencyScale(amount, currency), currency, appliesTo, start,
                until, r.maxRedemptions(), r.maxPerUser(), true, null, null, admin, now);
    }

    /** Without trailing zeros but never in exponent form ({@code 20}, not {@code 2E+1}). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigDecimal decimal(List<FieldError> errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            if (!raw.strip().matches("\\d+(\\.\\d+)?")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal string"));
            return null;
        }
    }

    private static Instant instant(List<FieldError> errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant"));
            return null;
        }
    }

    private static ApiProblemException taken() {
        return new ApiProblemException(HttpStatus.CONFLICT, "promo-code-taken", "A promotion code with this code exists.");
    }
}
