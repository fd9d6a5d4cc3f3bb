package com.vaticprop.core.purchase;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Coupon;
import com.stripe.model.PromotionCode;
import com.stripe.net.RequestOptions;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.PromotionCodeCreateParams;

import java.util.Locale;

/**
 * Mirrors a promotion code in Stripe: a one-time coupon (percent or amount off) and a customer-facing promotion code
 * on it with the same code. Core still decides who may use a code (validity, caps); the Checkout Session names the
 * promotion code in {@code discounts}, so the trader sees the discount on Stripe's page and Stripe charges the
 * discounted total. Idempotency keys derive from our code id, so a retry never creates a second coupon.
 */
class StripePromotions {

    /** The Stripe ids of a mirrored code. */
    record Mirrored(String couponId, String promotionCodeId) {
    }

    private final StripeClient stripe;

    StripePromotions(StripeClient stripe) {
        this.stripe = stripe;
    }

    Mirrored create(PromoCode code) {
        CouponCreateParams.Builder coupon = CouponCreateParams.builder()
                .setDuration(CouponCreateParams.Duration.ONCE)
                .setName(code.code())
                .putMetadata("promoCodeId", code.id().toString());
        if (code.kind() == PromoCode.Kind.PERCENT) {
            coupon.setPercentOff(code.percentOff());
        } else {
            coupon.setAmountOff(MinorUnits.of(code.amountOff(), code.currency()))
                    .setCurrency(code.currency().toLowerCase(Locale.ROOT));
        }
        try {
            Coupon created = stripe.v1().coupons().create(coupon.build(),
                    RequestOptions.builder().setIdempotencyKey("promo-coupon-" + code.id()).build());
            PromotionCodeCreateParams.Builder promotion = PromotionCodeCreateParams.builder()
                    .setCode(code.code())
                    .setPromotion(PromotionCodeCreateParams.Promotion.builder()
                            .setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
                            .setCoupon(created.getId()).build())
                    .putMetadata("promoCodeId", code.id().toString());
            if (code.validUntil() != null) {
                promotion.setExpiresAt(code.validUntil().getEpochSecond());
            }
            PromotionCode promo = stripe.v1().promotionCodes().create(promotion.build(),
                    RequestOptions.builder().setIdempotencyKey("promo-code-" + code.id()).build());
            return new Mirrored(created.getId(), promo.getId());
        } catch (StripeException e) {
            throw new CheckoutGateway.CheckoutUnavailableException("Stripe refused or could not be reached: "
                    + e.getClass().getSimpleName() + " " + e.getStatusCode() + " " + e.getCode(), e);
        }
    }
}
