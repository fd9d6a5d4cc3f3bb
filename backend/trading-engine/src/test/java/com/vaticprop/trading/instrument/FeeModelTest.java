package com.vaticprop.trading.instrument;

import com.vaticprop.trading.instrument.FeeModel.OrderFees;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FeeModelTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void cryptoTakerFeeIsBpsOfNotionalAtBookingScale() {
        FeeModel fee = new FeeModel.TakerBps(d("10"));
        // 0.5 BTC at 60000.01: notional 30000.005, 10 bps = 30.0000050
        assertThat(fee.feeFor(d("0.5"), d("60000.01"))).isEqualByComparingTo("30.000005");
        assertThat(fee.feeFor(d("0.5"), d("60000.01")).scale()).isEqualTo(8);
        // half-even at the 8th decimal: 0.00000001 × 1 × 5 bps = 0.000000000005 → 0
        assertThat(fee.feeFor(d("0.00000001"), d("1"))).isEqualByComparingTo("0");
    }

    @Test
    void polymarketDocumentedWorkedExample() {
        FeeModel fee = new FeeModel.PolymarketTaker(d("0.07"), 1);
        assertThat(fee.feeFor(d("100"), d("0.50"))).isEqualByComparingTo("1.75");
    }

    @Test
    void polymarketRoundsToFiveDecimalsAndTinyFeesVanish() {
        FeeModel fee = new FeeModel.PolymarketTaker(d("0.04"), 1);
        // 1 × 0.04 × 0.01 × 0.99 = 0.000396 → 0.00040
        assertThat(fee.feeFor(d("1"), d("0.01"))).isEqualByComparingTo("0.0004");
        // 0.1 × 0.04 × 0.001 × 0.999 = 0.000003996 → rounds to zero
        assertThat(fee.feeFor(d("0.1"), d("0.001"))).isEqualByComparingTo("0");
    }

    @Test
    void polymarketExponentSquaresTheVarianceTerm() {
        FeeModel fee = new FeeModel.PolymarketTaker(d("0.25"), 2);
        // 100 × 0.25 × (0.5 × 0.5)^2 = 1.5625
        assertThat(fee.feeFor(d("100"), d("0.5"))).isEqualByComparingTo("1.5625");
    }

    @Test
    void kalshiRoundsUpToTheNextCent() {
        FeeModel fee = new FeeModel.KalshiQuadratic(d("0.07"));
        // 0.07 × 100 × 0.5 × 0.5 = 1.75 exactly
        assertThat(fee.feeFor(d("100"), d("0.5"))).isEqualByComparingTo("1.75");
        // 0.07 × 1 × 0.5 × 0.5 = 0.0175 → 0.02
        assertThat(fee.feeFor(d("1"), d("0.5"))).isEqualByComparingTo("0.02");
        // 0.07 × 10 × 0.97 × 0.03 = 0.02037 → 0.03
        assertThat(fee.feeFor(d("10"), d("0.97"))).isEqualByComparingTo("0.03");
    }

    @Test
    void kalshiAccumulatesAcrossFillsOfOneOrder() {
        FeeModel fee = new FeeModel.KalshiQuadratic(d("0.07"));
        OrderFees state = OrderFees.NONE;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 10; i++) {
            FeeModel.FeeCharge c = fee.charge(d("1"), d("0.5"), state);
            state = c.after();
            total = total.add(c.fee());
        }
        // ten separate one-contract orders would pay 10 × 0.02 = 0.20; one order of ten pays ceil(0.175) = 0.18
        assertThat(total).isEqualByComparingTo("0.18");
        assertThat(total).isEqualByComparingTo(fee.feeFor(d("10"), d("0.5")));
    }

    @Property
    void kalshiSplitOrderCostsTheSameAsOneFill(@ForAll @BigRange(min = "0.01", max = "500") @Scale(2) BigDecimal a,
                                               @ForAll @BigRange(min = "0.01", max = "500") @Scale(2) BigDecimal b,
                                               @ForAll @BigRange(min = "0.01", max = "0.99") @Scale(2) BigDecimal p) {
        FeeModel fee = new FeeModel.KalshiQuadratic(d("0.07"));
        FeeModel.FeeCharge first = fee.charge(a, p, OrderFees.NONE);
        FeeModel.FeeCharge second = fee.charge(b, p, first.after());
        assertThat(first.fee().signum()).isGreaterThanOrEqualTo(0);
        assertThat(second.fee().signum()).isGreaterThanOrEqualTo(0);
        assertThat(first.fee().add(second.fee())).isEqualByComparingTo(fee.feeFor(a.add(b), p));
    }

    @Property
    void feesAreNeverNegative(@ForAll @BigRange(min = "0", max = "1000") @Scale(4) BigDecimal qty,
                              @ForAll @BigRange(min = "0", max = "1") @Scale(3) BigDecimal p) {
        assertThat(new FeeModel.PolymarketTaker(d("0.07"), 1).feeFor(qty, p).signum()).isGreaterThanOrEqualTo(0);
        assertThat(new FeeModel.KalshiQuadratic(d("0.07")).feeFor(qty, p).signum()).isGreaterThanOrEqualTo(0);
        assertThat(new FeeModel.TakerBps(d("7.5")).feeFor(qty, p).signum()).isGreaterThanOrEqualTo(0);
    }
}
