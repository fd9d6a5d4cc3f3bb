package com.vaticprop.core.purchase;

import com.stripe.StripeClient;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.security.PublicPaths;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Payment wiring from the environment: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE (a local server in
 * tests), CHECKOUT_SUCCESS_URL / CHECKOUT_CANCEL_URL ({@code {PURCHASE_ID}} is substituted).
 */
@Configuration(proxyBeanMethods = false)
class PurchaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PurchaseConfiguration.class);

    @Bean
    PublicPaths stripeWebhookPublicPath() {
        return new PublicPaths(List.of("/webhooks/stripe"));
    }

    @Bean
    PaymentSettings paymentSettings(Environment env) {
        String secretKey = blankToNull(env.getProperty("STRIPE_SECRET_KEY"));
        String appEnv = env.getProperty("vatic.app-env", "development");
        PaymentMode mode = secretKey != null ? PaymentMode.STRIPE
                : "development".equals(appEnv) ? PaymentMode.DEVELOPMENT : PaymentMode.DISABLED;
        PaymentSettings settings = new PaymentSettings(mode, secretKey,
                blankToNull(env.getProperty("STRIPE_WEBHOOK_SECRET")),
                env.getProperty("STRIPE_API_BASE", "https://api.stripe.com"),
                env.getProperty("CHECKOUT_SUCCESS_URL", "http://localhost:3000/purchases/{PURCHASE_ID}"),
                env.getProperty("CHECKOUT_CANCEL_URL", "http://localhost:3000/purchases/{PURCHASE_ID}"),
                env.getProperty("vatic.payments.webhook-tolerance", Duration.class, Duration.ofMinutes(5)));
        if (mode == PaymentMode.DEVELOPMENT) {
            log.warn("payments: DEVELOPMENT path — purchases complete at once without taking payment "
                    + "(set STRIPE_SECRET_KEY to use Stripe)");
        } else {
            log.info("payments: {}", settings);
        }
        return settings;
    }

    @Bean
    @Conditional(StripeKeyPresent.class)
    StripeClient stripeClient(PaymentSettings settings) {
        return StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(2)
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .build();
    }

    @Bean
    @Conditional(StripeKeyPresent.class)
    CheckoutGateway checkoutGateway(StripeClient client, PaymentSettings settings) {
        return new StripeCheckoutGateway(client, settings);
    }

    @Bean
    @Conditional(StripeKeyPresent.class)
    StripePromotions stripePromotions(StripeClient client) {
        return new StripePromotions(client);
    }

    @Bean
    PromoCodeService promoCodeService(PromoCodeRepository codes, java.util.Optional<StripePromotions> stripe,
                                      com.vaticprop.core.admin.AdminAuditLog audit, Transactions transactions,
                                      Clock clock) {
        return new PromoCodeService(codes, stripe, audit, transactions, clock);
    }

    /** Without a (non-blank) STRIPE_WEBHOOK_SECRET it verifies nothing and the endpoint answers 404. */
    @Bean
    StripeSignature stripeSignature(PaymentSettings settings, Clock clock) {
        return new StripeSignature(settings.webhookSecret(), settings.webhookTolerance().toSeconds(), clock);
    }

    @Bean
    StripeWebhookHandler stripeWebhookHandler(PaymentSettings settings, StripeEventLog events,
                                                        PurchaseRepository purchases, PurchaseLedger ledger,
                                                        org.springframework.transaction.PlatformTransactionManager txm,
                                                        MeterRegistry meters, Clock clock) {
        // the handler claims the event id (INSERT … ON CONFLICT) and locks the purchase row: READ COMMITTED suffices
        return new StripeWebhookHandler(events, purchases, ledger, Transactions.readCommitted(txm), meters, clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** STRIPE_SECRET_KEY set and not blank (an empty line in a .env file means "not configured"). */
    static final class StripeKeyPresent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return blankToNull(context.getEnvironment().getProperty("STRIPE_SECRET_KEY")) != null;
        }
    }
}
