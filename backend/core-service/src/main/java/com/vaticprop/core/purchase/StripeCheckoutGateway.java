package com.vaticprop.core.purchase;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;

import java.util.Locale;

/**
 * Stripe Checkout through stripe-java. The Idempotency-Key is derived from the purchase id, so a retried request
 * (ours or the library's network retry) never opens a second session for one purchase.
 */
final class StripeCheckoutGateway implements CheckoutGateway {

    static final String PURCHASE_ID_METADATA = "purchaseId";

    private final StripeClient stripe;
    private final PaymentSettings settings;

    StripeCheckoutGateway(StripeClient stripe, PaymentSettings settings) {
        this.stripe = stripe;
        this.settings = settings;
    }

    @Override
    public CheckoutSession open(CheckoutRequest request) {
        String purchaseId = request.purchaseId().toString();
        SessionCreateParams.Builder builder = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(purchaseId)
                .setCustomerEmail(request.customerEmail())
                .setSuccessUrl(settings.successUrl(request.purchaseId()))
                .setCancelUrl(settings.cancelUrl(request.purchaseId()))
                .putMetadata(PURCHASE_ID_METADATA, purchaseId)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata(PURCHASE_ID_METADATA, purchaseId)
                        .build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amountMinor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.productName())
                                        .build())
                                .build())
                        .build());
        if (request.promotionCodeId() != null) {
            // Stripe applies the discount and charges the discounted amount_total, which the webhook checks
            builder.addDiscount(SessionCreateParams.Discount.builder()
                    .setPromotionCode(request.promotionCodeId()).build());
        }
        SessionCreateParams params = builder.build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("purchase-" + purchaseId).build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params, options);
            return new CheckoutSession(session.getId(), session.getUrl(), session.getPaymentIntent());
        } catch (StripeException e) {
            throw new CheckoutUnavailableException("Stripe refused or could not be reached: " + e.getClass()
                    .getSimpleName() + " " + e.getStatusCode() + " " + e.getCode(), e);
        }
    }
}
