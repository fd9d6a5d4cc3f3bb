package com.vaticprop.marketdata;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceKind;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** market-data-service: see README.md beside the pom for its API. */
@SpringBootApplication
public class MarketDataServiceApplication {

    public static void main(String[] args) {
        VaticApplication.run(MarketDataServiceApplication.class, ServiceKind.MARKET_DATA, args);
    }
}
