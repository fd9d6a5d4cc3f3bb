package com.vaticprop.report;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceKind;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** report-service: see README.md beside the pom for its API. */
@SpringBootApplication
public class ReportServiceApplication {

    public static void main(String[] args) {
        VaticApplication.run(ReportServiceApplication.class, ServiceKind.REPORT, args);
    }
}
