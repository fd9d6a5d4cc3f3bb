package com.vaticprop.core.purchase;

import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Stripe's webhook endpoint (public: Stripe authenticates with the signature, not a token). A 2xx tells Stripe to
 * stop retrying, so it is returned once the event is handled or known to need nothing; an unexpected failure becomes
 * a 5xx and Stripe redelivers. Bad signatures and stale timestamps are 400 and change nothing.
 */
@RestController
@Tag(name = "webhooks", description = "Payment provider callbacks")
class StripeWebhookController {

    private final StripeSignature signature;
    private final StripeWebhookHandler handler;

    StripeWebhookController(StripeSignature signature, StripeWebhookHandler handler) {
        this.signature = signature;
        this.handler = handler;
    }

    @PostMapping(value = "/webhooks/stripe", consumes = "*/*")
    @Operation(summary = "Stripe events (checkout.session.*, payment_intent.payment_failed, charge.refunded); "
            + "verified with STRIPE_WEBHOOK_SECRET")
    Map<String, String> receive(@RequestHeader(value = "Stripe-Signature", required = false) String header,
                                @RequestBody(required = false) String payload) {
        if (!signature.configured()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                    "Stripe webhooks are not configured on this deployment.");
        }
        String body = payload == null ? "" : payload;
        if (!signature.verify(body, header)) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "bad-signature",
                    "The Stripe-Signature header is missing, does not match the payload, or is too old.");
        }
        StripeEvent event = StripeEvent.parse(body).orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST,
                "bad-event", "The payload is not a Stripe event (id, type and data.object are required)."));
        return Map.of("received", event.id(), "outcome", handler.handle(event));
    }
}
