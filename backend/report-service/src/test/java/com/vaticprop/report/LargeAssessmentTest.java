package com.vaticprop.report;

import com.vaticprop.report.support.PdfCheck;
import com.vaticprop.report.support.ReportEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 10,000-round-trip assessment: 60 days of about 167 round trips each, applied through Kafka and stored
 * as a report in every format. The report's size does not grow with the number of round trips (they are streamed
 * into running statistics and a fixed-bin histogram), which is what keeps generation in bounded memory.
 */
class LargeAssessmentTest extends ReportServiceTestBase {

    static final int TRIPS = 10_000;
    static final int DAYS = 60;

    @Test
    void tenThousandRoundTripsOverSixtyDaysGiveACompleteBoundedReport() {
        ReportEvents h = history().created().started();
        long equity = 100_000;
        long expectedNet = 0;
        int perDay = (TRIPS + DAYS - 1) / DAYS;
        int trip = 0;
        for (int d = 0; d < DAYS; d++) {
            long dayPnl = 0;
            for (int k = 0; k < perDay && trip < TRIPS; k++, trip++) {
                long pnl = (trip * 37L) % 200 - 90;
                h.roundTrip(d, k * 60, trip % 3 == 0 ? "ETH-USD" : "BTC-USD", String.valueOf(pnl), "1", false);
                dayPnl += pnl - 1;
            }
            equity += dayPnl;
            expectedNet += dayPnl;
            h.day(d, String.valueOf(dayPnl), String.valueOf(equity), String.valueOf(equity - Math.abs(dayPnl) - 50));
        }
        h.completed(expectedNet > 0 ? "PASSED" : "FAILED", expectedNet > 0 ? "TARGET_MET" : "TIME_LIMIT",
                String.valueOf(equity), null);
        h.publishInOrder();
        awaitReady(h.assessmentId, "report", Duration.ofSeconds(180));

        var json = get("/reports/" + h.assessmentId, traderToken);
        JsonNode r = expectJson(json, 200);
        assertThat(r.get("metrics").get("roundTrips").asInt()).isEqualTo(TRIPS);
        assertThat(new BigDecimal(r.get("metrics").get("netProfit").asString())).isEqualByComparingTo(
                BigDecimal.valueOf(expectedNet));
        assertThat(r.get("days")).hasSize(DAYS);
        int binned = 0;
        for (JsonNode bin : r.get("roundTripDistribution").get("bins")) {
            binned += bin.get("count").asInt();
        }
        assertThat(binned).isEqualTo(TRIPS);
        assertThat(json.body().length).as("JSON size independent of the round-trip count").isLessThan(100_000);

        byte[] pdf = get("/reports/" + h.assessmentId + ".pdf", traderToken).body();
        PdfCheck check = PdfCheck.of(pdf);
        assertThat(check.pages()).isGreaterThanOrEqualTo(4);
        assertThat(check.chartColours()).hasSize(4).allSatisfy(c -> assertThat(c).isGreaterThan(8));
        assertThat(check.text()).contains("Page " + check.pages() + " of " + check.pages());
        assertThat(pdf.length).isLessThan(3_000_000);
        assertThat(get("/reports/" + h.assessmentId + ".html", traderToken).body().length).isLessThan(1_000_000);
    }
}
