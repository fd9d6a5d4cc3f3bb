package com.vaticprop.core.engine;

import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.order.SlippageModel;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The engine settings of this deployment: crypto taker fee and market-order slippage in bps, and the staleness bounds
 * of CONTRACTS.md (5 s crypto, 120 s prediction markets). One instance for every assessment: the settings are platform
 * configuration, not part of a tier.
 */
final class EngineSettingsFactory {

    private EngineSettingsFactory() {
    }

    static EngineSettings from(Environment env) {
        BigDecimal feeBps = env.getProperty("vatic.trading.crypto-taker-fee-bps", BigDecimal.class,
                new BigDecimal("10"));
        BigDecimal slippageBps = env.getProperty("vatic.trading.slippage-bps", BigDecimal.class, BigDecimal.ZERO);
        StalenessPolicy staleness = new StalenessPolicy(
                env.getProperty("vatic.trading.stale-after.crypto", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("vatic.trading.stale-after.prediction-markets", Duration.class,
                        Duration.ofSeconds(120)));
        SlippageModel slippage = slippageBps.signum() == 0 ? new SlippageModel.None()
                : new SlippageModel.Bps(slippageBps);
        return new EngineSettings(InstrumentCatalog.standard(feeBps), slippage, staleness);
    }
}
