package com.vaticprop.core.purchase;

import com.vaticprop.platform.json.VaticJson;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook event payloads in Stripe's shape (API version 2026-07-29.dahlia field names): an event envelope around a
 * Checkout Session, PaymentIntent or Charge, with only the fields a real one has.
 */
public final class StripeEvents {

    private static final AtomicLong SEQ = new AtomicLong();

    private StripeEvents() {
    }

    public static String event(String type, ObjectNode object) {
        ObjectNode event = VaticJson.mapper().createObjectNode();
        event.put("id", "evt_test_" + SEQ.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8));
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", System.currentTimeMillis() / 1000);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.putObject("data").set("object", object);
        return event.toString();
    }

    public static ObjectNode session(String sessionId, UUID purchaseId, String paymentStatus, long amountTotal,
                              String currency, String paymentIntent) {
        ObjectNode s = VaticJson.mapper().createObjectNode();
        s.put("id", sessionId);
        s.put("object", "checkout.session");
        s.put("amount_subtotal", amountTotal);
        s.put("amount_total", amountTotal);
        s.put("client_reference_id", purchaseId.toString());
        s.put("currency", currency);
        s.put("mode", "payment");
        s.put("payment_status", paymentStatus);
        s.put("status", "paid".equals(paymentStatus) ? "complete" : "open");
        s.put("payment_intent", paymentIntent);
        s.putObject("metadata").put("purchaseId", purchaseId.toString());
        return s;
    }

    static ObjectNode failedPaymentIntent(String paymentIntentId, UUID purchaseId, long amount, String code) {
        ObjectNode pi = VaticJson.mapper().createObjectNode();
        pi.put("id", paymentIntentId);
        pi.put("object", "payment_intent");
        pi.put("amount", amount);
        pi.put("currency", "usd");
        pi.put("status", "requires_payment_method");
        pi.putObject("last_payment_error").put("code", code).put("type", "card_error")
                .put("message", "Your card was declined.");
        pi.putObject("metadata").put("purchaseId", purchaseId.toString());
        return pi;
    }

    /** A charge refunded in full or in part; like a real one it carries no metadata of the PaymentIntent. */
    static ObjectNode charge(String paymentIntentId, long amount, long amountRefunded) {
        ObjectNode c = VaticJson.mapper().createObjectNode();
        c.put("id", "ch_test_" + UUID.randomUUID().toString().substring(0, 12));
        c.put("object", "charge");
        c.put("amount", amount);
        c.put("amount_refunded", amountRefunded);
        c.put("currency", "usd");
        c.put("paid", true);
        c.put("payment_intent", paymentIntentId);
        c.put("refunded", amountRefunded >= amount);
        c.putObject("metadata");
        return c;
    }
}
