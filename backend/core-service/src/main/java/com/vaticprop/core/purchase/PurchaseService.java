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

import org.springframework.dao.DuplicateKeyException;

import java.math.BigDecimal;
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
    private final PromoCodeService promos;

    PurchaseService(PurchaseRepository purchases, PurchaseLedger ledger, TierService tiers,
                    Optional<CheckoutGateway> checkout, PaymentSettings settings,
                    org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock,
                    PromoCodeService promos) {
        this.promos = promos;
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

    /** What a trader is buying: a tier or a reset, at a list price, maybe with a promotion code. */
    private record Order(UUID userId, Tier tier, PurchaseKind kind, UUID resetOf, BigDecimal listPrice,
                         String promoCode) {
    }

    /** A purchase started, or ({@code existing}) the open checkout of the same reset returned again. */
    public record Started(Purchase purchase, boolean existing) {
    }

    /**
     * Starts a purchase of the tier's current version. Stripe: returns it PENDING with the checkout URL. Development:
     * returns it COMPLETED with its assessment.
     */
    public Purchase buy(UUID userId, UUID tierId) {
        return buy(userId, tierId, null);
    }

    public Purchase buy(UUID userId, UUID tierId, String promoCode) {
        Tier tier = tiers.find(tierId).orElseThrow(() ->
                new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such tier."));
        requireForSale(tier);
        return start(new Order(userId, tier, PurchaseKind.TIER, null, tier.current().price(), promoCode));
    }

    /**
     * A paid reset: a fresh attempt (a new assessment on the tier's current version, phase 1, fresh account) after a
     * FAILED assessment of the caller, at the tier's current {@code resetPrice}. One open or completed reset per
     * failed assessment: asking again while its checkout is open returns that purchase; a failed, expired or refunded
     * reset can be bought again.
     */
    public Started buyReset(UUID userId, UUID failedAssessmentId, String promoCode) {
        PurchaseRepository.ResetTarget target = purchases.resetTarget(failedAssessmentId)
                .filter(t -> t.userId().equals(userId)).orElseThrow(() ->
                        new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such assessment."));
        if (!"FAILED".equals(target.status())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "assessment-not-failed",
                    "Only a FAILED assessment can be reset (this one is " + target.status() + ").");
        }
        Optional<Purchase> open = purchases.openResetOf(failedAssessmentId);
        if (open.isPresent()) {
            if (open.get().status() == PurchaseStatus.COMPLETED) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "reset-already-purchased",
                        "This assessment has already been reset (purchase " + open.get().id() + ").");
            }
            return new Started(open.get(), true);
        }
        Tier tier = tiers.find(target.tierId()).orElseThrow();
        requireForSale(tier);
        if (tier.current().resetPrice() == null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "reset-not-offered",
                    "This tier does not offer a paid reset.");
        }
        try {
            return new Started(start(new Order(userId, tier, PurchaseKind.RESET, failedAssessmentId,
                    tier.current().resetPrice(), promoCode)), false);
        } catch (DuplicateKeyException e) {
            // a concurrent request took the reset first (purchases_open_reset_key)
            throw new ApiProblemException(HttpStatus.CONFLICT, "reset-already-purchased",
                    "This assessment is being reset by another request.");
        }
    }

    private static void requireForSale(Tier tier) {
        if (!tier.active()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "tier-not-for-sale",
                    "This tier has been withdrawn from sale.");
        }
    }

    private Purchase start(Order order) {
        long listMinor = amountMinor(order.listPrice(), order.tier().current().currency());
        return switch (settings.mode()) {
            case DISABLED -> throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payments-unavailable",
                    "Purchases are not available on this deployment (no payment provider is configured).");
            case DEVELOPMENT -> buyWithoutProvider(order);
            case STRIPE -> buyWithStripe(order, listMinor);
        };
    }

    public List<Purchase> list(UUID userId, Instant before, int limit) {
        return purchases.listForUser(userId, before, limit);
    }

    /** The purchase if {@code userId} owns it (admins see any); anyone else learns nothing, not even that it exists. */
    public Optional<Purchase> find(UUID id, UUID userId, boolean admin) {
        return purchases.find(id).filter(p -> admin || p.userId().equals(userId));
    }

    private Purchase buyWithoutProvider(Order order) {
        Purchase created = transactions.inTransaction(() -> {
            Pending p = insertPending(order, PaymentMethod.DEVELOPMENT);
            ledger.complete(p.purchase(), null);
            return purchases.find(p.purchase().id()).orElseThrow();
        });
        log.info("development purchase id={} kind={} user={} tier={} v{} (no payment taken)", created.id(),
                order.kind(), order.userId(), order.tier().id(), order.tier().version());
        return created;
    }

    private Purchase buyWithStripe(Order order, long listMinor) {
        Tier tier = order.tier();
        UUID userId = order.userId();
        Pending started = transactions.inTransaction(() -> insertPending(order, PaymentMethod.STRIPE));
        Purchase pending = started.purchase();
        String email = purchases.email(userId).orElse(null);
        String product = order.kind() == PurchaseKind.RESET ? tier.current().name() + " (reset)"
                : tier.current().name();
        CheckoutSession session;
        try {
            session = checkout.orElseThrow().open(new CheckoutRequest(pending.id(), email, product, listMinor,
                    tier.current().currency(), started.stripePromotionCodeId()));
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

    /** The inserted purchase and the provider's promotion code to put in the checkout (null without a code). */
    private record Pending(Purchase purchase, String stripePromotionCodeId) {
    }

    /**
     * Inserts the PENDING purchase; with a promotion code, takes one use of it in this transaction (its row locked)
     * and records the list price and discount, so the expected amount is the discounted one.
     */
    private Pending insertPending(Order order, PaymentMethod method) {
        Instant now = clock.instant();
        Tier tier = order.tier();
        String currency = tier.current().currency();
        PromoCodeService.Applied promo = order.promoCode() == null ? null
                : promos.redeem(order.promoCode(), order.userId(), order.kind(), order.listPrice(), currency);
        if (promo != null && method == PaymentMethod.STRIPE && promo.code().stripePromotionCodeId() == null) {
            // created while no Stripe key was configured: Checkout could not apply it, the amounts would disagree
            throw new ApiProblemException(HttpStatus.CONFLICT, "promo-code-not-applicable",
                    "This promotion code cannot be used with this payment method.");
        }
        BigDecimal discount = promo == null ? null : promo.discount();
        BigDecimal amount = discount == null ? order.listPrice() : order.listPrice().subtract(discount);
        Purchase p = new Purchase(UUID.randomUUID(), order.userId(), tier.id(), tier.version(), amount, currency,
                PurchaseStatus.PENDING, method, null, null, null, null, now, now, null, null, null, order.kind(),
                order.resetOf(), order.listPrice(), discount, promo == null ? null : promo.code().id(),
                promo == null ? null : promo.code().code());
        purchases.insert(p);
        return new Pending(p, promo == null ? null : promo.code().stripePromotionCodeId());
    }

    /** A price the provider cannot charge exactly (fractions of a minor unit) is refused, never rounded. */
    private static long amountMinor(BigDecimal price, String currency) {
        try {
            long minor = MinorUnits.of(price, currency);
            if (minor <= 0) {
                throw new ArithmeticException("not positive");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "tier-price-not-chargeable",
                    "This tier's price cannot be charged in " + currency + ".");
        }
    }
}
