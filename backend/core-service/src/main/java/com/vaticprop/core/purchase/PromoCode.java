package com.vaticprop.core.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A promotion code (a row of {@code promo_codes}): a percentage or a fixed amount off a tier purchase, a reset, or
 * either; valid in {@code [validFrom, validUntil)}; optionally capped in total and per user.
 */
record PromoCode(UUID id, String code, Kind kind, BigDecimal percentOff, BigDecimal amountOff, String currency,
                 AppliesTo appliesTo, Instant validFrom, Instant validUntil, Integer maxRedemptions,
                 Integer maxPerUser, boolean active, String stripeCouponId, String stripePromotionCodeId,
                 UUID createdBy, Instant createdAt) {

    enum Kind { PERCENT, AMOUNT }

    enum AppliesTo { ANY, TIER, RESET }

    boolean validAt(Instant at) {
        return active && !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }

    boolean appliesTo(PurchaseKind purchase) {
        return appliesTo == AppliesTo.ANY || appliesTo.name().equals(purchase.name());
    }

    /**
     * The discount on a price, at the currency's minor unit: a percentage is rounded half up (assumed to be how Stripe
     * rounds a percent-off coupon; not verified against live Stripe), an amount must be in the price's currency. Null when the code cannot apply (another
     * currency, or it would make the price zero or less: a free purchase is not something to sell through Checkout).
     */
    BigDecimal discountOn(BigDecimal price, String priceCurrency) {
        BigDecimal discount;
        if (kind == Kind.PERCENT) {
            discount = price.multiply(percentOff).movePointLeft(2)
                    .setScale(MinorUnits.fractionDigits(priceCurrency), RoundingMode.HALF_UP);
        } else {
            if (!currency.equalsIgnoreCase(priceCurrency)) {
                return null;
            }
            discount = amountOff;
        }
        return discount.compareTo(price) >= 0 ? null : discount;
    }
}
