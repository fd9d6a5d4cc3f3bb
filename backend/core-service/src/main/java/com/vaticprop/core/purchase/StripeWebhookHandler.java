package com.vaticprop.core.purchase;

import com.vaticprop.platform.jdbc.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a verified Stripe event to its purchase, exactly once per event id, in one transaction with the purchase
 * row locked. Stripe delivers at least once and in any order, so every handler checks the purchase's current status
 * instead of assuming the previous event: a completion after a refund or an expiry after a completion changes
 * nothing. Whatever happens is recorded as the event's outcome in {@code stripe_events}.
 */
class StripeWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookHandler.class);

    private final StripeEventLog events;
    private final PurchaseRepository purchases;
    private final PurchaseLedger ledger;
    private final Transactions transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    StripeWebhookHandler(StripeEventLog events, PurchaseRepository purchases, PurchaseLedger ledger,
                         Transactions transactions, MeterRegistry meters, Clock clock) {
        this.events = events;
        this.purchases = purchases;
        this.ledger = ledger;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Handles the event and returns its outcome ({@code duplicate} when the id was handled before). */
    String handle(StripeEvent event) {
        String outcome = transactions.inTransaction(() -> {
            if (!events.claim(event, clock.instant())) {
                return "duplicate";
            }
            Optional<Purchase> purchase = purchaseOf(event).flatMap(purchases::lock);
            String result = purchase.map(p -> apply(event, p)).orElseGet(() -> unmatched(event));
            events.finish(event.id(), purchase.map(Purchase::id).orElse(null), result, clock.instant());
            return result;
        });
        meters.counter("vatic.stripe.webhooks", "type", event.type(), "outcome", outcome).increment();
        log.info("stripe event id={} type={} outcome={}", event.id(), event.type(), outcome);
        return outcome;
    }

    private String apply(StripeEvent event, Purchase p) {
        return switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> sessionPaid(event, p);
            case "checkout.session.async_payment_failed" -> asyncPaymentFailed(event, p);
            case "checkout.session.expired" -> expired(p);
            case "payment_intent.payment_failed" -> paymentAttemptFailed(event, p);
            case "charge.refunded" -> refunded(event, p);
            default -> "ignored";
        };
    }

    /** Fulfils only a paid session whose amount and currency are exactly what the purchase expects. */
    private String sessionPaid(StripeEvent event, Purchase p) {
        rememberPaymentIntent(event, p);
        if (p.status() != PurchaseStatus.PENDING) {
            return "already-" + p.status().name().toLowerCase(Locale.ROOT);
        }
        if (!"paid".equals(event.objectText("payment_status"))) {
            return "awaiting-payment";
        }
        long expected = MinorUnits.of(p.amount(), p.currency());
        Optional<Long> paid = event.objectLong("amount_total");
        String currency = event.objectText("currency");
        if (paid.isEmpty() || paid.get() != expected || currency == null || !currency.equalsIgnoreCase(p.currency())) {
            ledger.fail(p, "amount-mismatch: paid " + paid.map(String::valueOf).orElse("?") + " "
                    + currency + ", expected " + expected + " " + p.currency().toLowerCase(Locale.ROOT), event.id());
            return "amount-mismatch";
        }
        ledger.complete(p, event.id());
        return "fulfilled";
    }

    private String asyncPaymentFailed(StripeEvent event, Purchase p) {
        rememberPaymentIntent(event, p);
        if (p.status() != PurchaseStatus.PENDING) {
            return "already-" + p.status().name().toLowerCase(Locale.ROOT);
        }
        ledger.fail(p, "async-payment-failed", event.id());
        return "failed";
    }

    private String expired(Purchase p) {
        if (p.status() != PurchaseStatus.PENDING) {
            return "already-" + p.status().name().toLowerCase(Locale.ROOT);
        }
        ledger.expire(p);
        return "expired";
    }

    /**
     * A declined attempt inside an open checkout: the trader may retry with another card, so the purchase stays
     * PENDING with the reason noted, and a later successful session still fulfils it.
     */
    private String paymentAttemptFailed(StripeEvent event, Purchase p) {
        purchases.rememberPaymentIntent(p.id(), event.object().path("id").asString(), clock.instant());
        if (p.status() != PurchaseStatus.PENDING) {
            return "already-" + p.status().name().toLowerCase(Locale.ROOT);
        }
        String code = event.object().path("last_payment_error").path("code").asString("payment_failed");
        purchases.noteFailedAttempt(p.id(), "payment-attempt-failed: " + code, clock.instant());
        return "attempt-failed";
    }

    /** Only a full refund ends the purchase; a partial one is recorded as the event's outcome for an operator. */
    private String refunded(StripeEvent event, Purchase p) {
        if (p.status() == PurchaseStatus.REFUNDED) {
            return "already-refunded";
        }
        boolean full = event.objectFlag("refunded") || event.objectLong("amount_refunded")
                .flatMap(r -> event.objectLong("amount").map(a -> r >= a)).orElse(false);
        if (!full) {
            return "partial-refund";
        }
        ledger.refund(p, event.id());
        return "refunded";
    }

    private void rememberPaymentIntent(StripeEvent event, Purchase p) {
        String paymentIntent = event.objectRef("payment_intent");
        if (paymentIntent != null) {
            purchases.rememberPaymentIntent(p.id(), paymentIntent, clock.instant());
        }
    }

    /** Metadata first (sessions and PaymentIntents carry it), then the provider ids stored on the purchase. */
    private Optional<UUID> purchaseOf(StripeEvent event) {
        Optional<UUID> fromMetadata = event.purchaseIdFromMetadata();
        if (fromMetadata.isPresent()) {
            return fromMetadata;
        }
        String objectId = event.objectText("id");
        String objectType = event.objectText("object");
        if ("checkout.session".equals(objectType) && objectId != null) {
            return purchases.idByCheckoutSession(objectId);
        }
        if ("payment_intent".equals(objectType) && objectId != null) {
            return purchases.idByPaymentIntent(objectId);
        }
        String paymentIntent = event.objectRef("payment_intent");
        return paymentIntent == null ? Optional.empty() : purchases.idByPaymentIntent(paymentIntent);
    }

    private static String unmatched(StripeEvent event) {
        log.warn("stripe event id={} type={} names no purchase of ours", event.id(), event.type());
        return "unmatched";
    }
}
