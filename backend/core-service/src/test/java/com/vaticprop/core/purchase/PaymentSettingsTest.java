package com.vaticprop.core.purchase;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentSettingsTest {

    private static PaymentSettings settings(String appEnv, String stripeKey) {
        MockEnvironment env = new MockEnvironment().withProperty("vatic.app-env", appEnv);
        if (stripeKey != null) {
            env.setProperty("STRIPE_SECRET_KEY", stripeKey);
        }
        return new PurchaseConfiguration().paymentSettings(env);
    }

    @Test
    void theDevelopmentPathExistsOnlyInDevelopmentWithoutAStripeKey() {
        assertThat(settings("development", null).mode()).isEqualTo(PaymentMode.DEVELOPMENT);
        assertThat(settings("development", " ").mode()).isEqualTo(PaymentMode.DEVELOPMENT);
        assertThat(settings("development", "sk_test_x").mode()).isEqualTo(PaymentMode.STRIPE);
        assertThat(settings("production", "sk_live_x").mode()).isEqualTo(PaymentMode.STRIPE);
        assertThat(settings("production", null).mode()).isEqualTo(PaymentMode.DISABLED);
        assertThat(settings("test", null).mode()).isEqualTo(PaymentMode.DISABLED);
    }

    @Test
    void settingsPrintWithoutTheirSecrets() {
        MockEnvironment env = new MockEnvironment().withProperty("vatic.app-env", "production")
                .withProperty("STRIPE_SECRET_KEY", "sk_live_secret123").withProperty("STRIPE_WEBHOOK_SECRET", "whsec_9");
        String printed = new PurchaseConfiguration().paymentSettings(env).toString();
        assertThat(printed).contains("STRIPE").contains("webhookSecret=set")
                .doesNotContain("sk_live_secret123").doesNotContain("whsec_9");
    }

    @Test
    void checkoutUrlsNameThePurchase() {
        MockEnvironment env = new MockEnvironment().withProperty("CHECKOUT_SUCCESS_URL", "https://x/p/{PURCHASE_ID}/ok");
        UUID id = UUID.randomUUID();
        assertThat(new PurchaseConfiguration().paymentSettings(env).successUrl(id)).isEqualTo("https://x/p/" + id + "/ok");
    }

    @Test
    void minorUnitsFollowStripesCurrencyExponents() {
        assertThat(MinorUnits.of(new BigDecimal("549.00"), "USD")).isEqualTo(54_900);
        assertThat(MinorUnits.of(new BigDecimal("549.00000000"), "usd")).isEqualTo(54_900);
        assertThat(MinorUnits.of(new BigDecimal("0.01"), "EUR")).isEqualTo(1);
        assertThat(MinorUnits.of(new BigDecimal("1500"), "JPY")).isEqualTo(1_500);
        assertThat(MinorUnits.of(new BigDecimal("2.500"), "KWD")).isEqualTo(2_500);
        assertThatThrownBy(() -> MinorUnits.of(new BigDecimal("10.50"), "JPY"))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MinorUnits.of(new BigDecimal("0.005"), "USD"))
                .isInstanceOf(ArithmeticException.class);
        assertThat(MinorUnits.atCurrencyScale(new BigDecimal("549.00000000"), "USD")).hasToString("549.00");
        assertThat(MinorUnits.atCurrencyScale(new BigDecimal("1500.00000000"), "JPY")).hasToString("1500");
        assertThat(MinorUnits.toDecimal(54_900, "USD")).hasToString("549.00");
    }
}
