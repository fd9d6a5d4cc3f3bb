package com.vaticprop.core.purchase;

import com.vaticprop.core.purchase.CheckoutGateway.CheckoutRequest;
import com.vaticprop.core.purchase.CheckoutGateway.CheckoutSession;
import com.vaticprop.core.purchase.CheckoutGateway.CheckoutUnavailableException;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.core.tier.Tier;
import com.vaticprop.core.tier.TierService;
import com.vaticprop.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Buying a tier. The purchase row (pinning the tier's current version and price) commits before the provider is
 * called, so a webhook can never arrive for a purchase we do not know; the checkout session is attached afterwards.
 * The provider is never called inside a database transaction (a slow Stripe would hold locks and connections).
 */
@Service
public class PurchaseService {

    private static final Logger log = LoggerFactory.getLogger(PurchaseService.class);

    private final PurchaseRepository purchases;
    private final PurchaseLedger ledger;
    private final TierService tiers;
    private final Optional<CheckoutGateway> checkout;
    private final PaymentSettings settings;
    private final Transactions transactions;
    private final Clock clock;

    PurchaseService(PurchaseRepository purchases, PurchaseLedger ledger, TierService tiers,
                    Optional<CheckoutGateway> checkout, PaymentSettings settings,
                    org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.tiers = tiers;
        this.checkout = checkout;
        this.settings = settings;
        // READ COMMITTED: a purchase's transaction writes only rows it creates or holds locked (the purchase, its new
        // assessment and account, their outbox rows); under SERIALIZABLE, concurrent buyers aborted each other on
        // shared index pages until the retries ran out (seen as 500s in the order load run)
        this.transactions = Transactions.readCommitted(transactionManager);
        this.clock = clock;
    }

    public PaymentMode mode() {
        return settings.mode();
    }

    /**
     * Starts a purchase of the tier's current version. Stripe: returns it PENDING with the checkout URL. Development:
     * returns it COMPLETED with its assessment.
     */
    public Purchase buy(UUID userId, UUID tierId) {
        Tier tier = tiers.find(tierId).orElseThrow(() ->
                new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such tier."));
        if (!tier.active()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "tier-not-for-sale",
                    "This tier has been withdrawn from sale.");
        }
        long amountMinor = amountMinor(tier);
        return switch (settings.mode()) {
            case DISABLED -> throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payments-unavailable",
                    "Purchases are not available on this deployment (no payment provider is configured).");
            case DEVELOPMENT -> buyWithoutProvider(userId, tier);
            case STRIPE -> buyWithStripe(userId, tier, amountMinor);
        };
    }

    public List<Purchase> list(UUID userId, Instant before, int limit) {
        return purchases.listForUser(userId, before, limit);
    }

    /** The purchase if {@code userId} owns it (admins see any); anyone else learns nothing, not even that it exists. */
    public Optional<Purchase> find(UUID id, UUID userId, boolean admin) {
        return purchases.find(id).filter(p -> admin || p.userId().equals(userId));
    }

    private Purchase buyWithoutProvider(UUID userId, Tier tier) {
        Purchase created = transactions.inTransaction(() -> {
            Purchase p = insertPending(userId, tier, PaymentMethod.DEVELOPMENT);
            ledger.complete(p, null);
            return purchases.find(p.id()).orElseThrow();
        });
        log.info("development purchase id={} user={} tier={} v{} (no payment taken)", created.id(), userId,
                tier.id(), tier.version());
        return created;
    }

    private Purchase buyWithStripe(UUID userId, Tier tier, long amountMinor) {
        Purchase pending = transactions.inTransaction(() -> insertPending(userId, tier, PaymentMethod.STRIPE));
        String email = purchases.email(userId).orElse(null);
        CheckoutSession session;
        try {
            session = checkout.orElseThrow().open(new CheckoutRequest(pending.id(), email, tier.current().name(),
                    amountMinor, tier.current().currency()));
        } catch (CheckoutUnavailableException e) {
            log.warn("checkout failed purchase={}: {}", pending.id(), e.getMessage());
            transactions.run(() -> purchases.end(pending.id(), PurchaseStatus.FAILED, "checkout-unavailable",
                    clock.instant()));
            throw new ApiProblemException(HttpStatus.BAD_GATEWAY, "payment-provider-unavailable",
                    "The payment provider could not open a checkout. Nothing was charged; please try again.");
        }
        Purchase attached = transactions.inTransaction(() -> {
            purchases.attachCheckout(pending.id(), session.id(), session.url(), session.paymentIntentId(),
                    clock.instant());
            return purchases.find(pending.id()).orElseThrow();
        });
        log.info("checkout opened purchase={} session={} user={} tier={} v{}", attached.id(), session.id(), userId,
                tier.id(), tier.version());
        return attached;
    }

    private Purchase insertPending(UUID userId, Tier tier, PaymentMethod method) {
        Instant now = clock.instant();
        Purchase p = new Purchase(UUID.randomUUID(), userId, tier.id(), tier.version(), tier.current().price(),
                tier.current().currency(), PurchaseStatus.PENDING, method, null, null, null, null, now, now, null,
                null, null);
        purchases.insert(p);
        return p;
    }

    /** A price the provider cannot charge exactly (fractions of a minor unit) is refused, never rounded. */
    private static long amountMinor(Tier tier) {
        try {
            long minor = MinorUnits.of(tier.current().price(), tier.current().currency());
            if (minor <= 0) {
                throw new ArithmeticException("not positive");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "tier-price-not-chargeable",
                    "This tier's price cannot be charged in " + tier.current().currency() + ".");
        }
    }
}
