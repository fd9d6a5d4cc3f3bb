package com.vaticprop.report;

import com.vaticprop.platform.events.EventType;
import com.vaticprop.report.support.PdfCheck;
import com.vaticprop.report.support.ReportEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report API end to end: events over embedded Kafka into the read model, stored reports in all three formats,
 * interim reports, certificates, access rules and the bad-input list of the issue.
 */
class ReportApiTest extends ReportServiceTestBase {

    /**
     * Fails on day 3 by DAILY_LOSS. Round trips (net of fees) 590, −210 on day 1; 980 on day 2; −5020 on day 3. Day
     * closes 100380, 101360, 96340; daily floors (5 % of the initial below the prior close) 95000, 95380, 96360.
     */
    ReportEvents failedHistory() {
        ReportEvents h = history().created().started()
                .roundTrip(0, "BTC-USD", "600", "10").roundTrip(0, "ETH-USD", "-200", "10")
                .day(0, "380", "100380", "99900")
                .roundTrip(1, "BTC-USD", "1000", "20")
                .day(1, "980", "101360", "100200")
                .roundTrip(2, "SOL-USD", "-5000", "20");
        UUID violation = h.violation(2, "DAILY_LOSS", "96360", "96340");
        return h.day(2, "-5020", "96340", "96340").completed("FAILED", "DAILY_LOSS", "96340", violation);
    }

    @Test
    void aCompletedAssessmentHasAStoredReportInAllThreeFormats() {
        ReportEvents h = failedHistory();
        h.publishShuffledWithDuplicates(7);
        JsonNode status = awaitReady(h.assessmentId, "report", Duration.ofSeconds(60));
        assertThat(status.get("assessmentStatus").asString()).isEqualTo("FAILED");
        assertThat(status.get("report").get("asOfSeq").asLong()).isEqualTo(h.lastSeq());

        JsonNode r = expectJson(get("/reports/" + h.assessmentId, traderToken), 200);
        assertThat(r.get("interim").asBoolean()).isFalse();
        assertThat(r.get("result").asString()).isEqualTo("FAILED");
        assertThat(r.get("reason").asString()).isEqualTo("DAILY_LOSS");
        assertThat(decimal(r.get("metrics").get("netProfit"))).isEqualByComparingTo("-3660");
        assertThat(r.get("metrics").get("roundTrips").asInt()).isEqualTo(4);
        // wins 590 + 980 over losses 210 + 5020
        assertThat(decimal(r.get("metrics").get("profitFactor"))).isEqualByComparingTo("0.300191");
        assertThat(r.get("fills").asInt()).isEqualTo(8);
        JsonNode daily = rule(r, "DAILY_LOSS");
        assertThat(daily.get("status").asString()).isEqualTo("BREACHED");
        assertThat(decimal(daily.get("limitValue"))).isEqualByComparingTo("96360");
        assertThat(decimal(daily.get("worstValue"))).isEqualByComparingTo("96340");
        assertThat(daily.get("worstOn").asString()).isEqualTo("2026-10-03");
        assertThat(rule(r, "MAX_LOSS").get("status").asString()).isEqualTo("OK");
        assertThat(decimal(r.get("days").get(1).get("dailyLossFloor"))).isEqualByComparingTo("95380");
        // completed on 2026-10-11 without a day close that day: the closing day comes from the final equity
        assertThat(r.get("days")).hasSize(4);
        assertThat(r.get("days").get(3).get("day").asString()).isEqualTo("2026-10-11");
        assertThat(decimal(r.get("days").get(3).get("dayPnl"))).isEqualByComparingTo("0");
        assertThat(r.get("notes").toString()).contains("ended with the assessment");
        JsonNode breach = r.get("breach");
        assertThat(breach.get("rule").asString()).isEqualTo("DAILY_LOSS");
        assertThat(breach.get("quote").get("bid").asString()).isEqualTo("55123.45");
        assertThat(breach.get("explanation").get("anchor").asString()).contains("INITIAL_BALANCE");

        HttpResponse<byte[]> html = get("/reports/" + h.assessmentId + ".html", traderToken);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("<svg", "BREACHED", "55123.45", "Equity and loss floors");
        assertThat(page.split("<svg", -1)).hasSize(5); // four charts, no simulation yet
        assertThat(page).doesNotContain("src=\"http", "href=\"http", "<script");

        HttpResponse<byte[]> pdf = get("/reports/" + h.assessmentId + ".pdf", traderToken);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        PdfCheck check = PdfCheck.of(pdf.body());
        assertThat(check.pages()).isGreaterThanOrEqualTo(3);
        assertThat(check.text()).contains("Page 1 of " + check.pages(), "Page " + check.pages() + " of "
                + check.pages(), "generated", h.tierId.toString(), trader.toString(), "DAILY_LOSS", "55123.45");
        assertThat(check.chartColours()).hasSize(4).allSatisfy(c -> assertThat(c).isGreaterThan(8));
        assertThat(check.distinctColoursPerRenderedPage()).allSatisfy(c -> assertThat(c).isGreaterThan(1));
    }

    @Test
    void duplicatedAndOutOfOrderEventsGiveTheSameReportAsOrderedOnes() {
        ReportEvents ordered = failedHistory();
        ReportEvents shuffled = failedHistory();
        ordered.publishInOrder();
        shuffled.publishShuffledWithDuplicates(42);
        awaitReady(ordered.assessmentId, "report", Duration.ofSeconds(60));
        awaitReady(shuffled.assessmentId, "report", Duration.ofSeconds(60));

        JsonNode a = expectJson(get("/reports/" + ordered.assessmentId, adminToken), 200);
        JsonNode b = expectJson(get("/reports/" + shuffled.assessmentId, adminToken), 200);
        for (String section : new String[]{"metrics", "rules", "days", "roundTripDistribution", "result", "reason",
                "finalEquity", "fills", "tradingDays"}) {
            assertThat(b.get(section)).as(section).isEqualTo(a.get(section));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM round_trip WHERE assessment_id = ?").param(shuffled.assessmentId)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM pending_event WHERE assessment_id = ?")
                .param(shuffled.assessmentId).query(Integer.class).single()).isZero();
    }

    @Test
    void unknownAndForeignAssessmentsAre404AndBadIdsAre400() {
        ReportEvents h = failedHistory();
        h.publishInOrder();
        awaitApplied(h.assessmentId, h.lastSeq(), Duration.ofSeconds(60));

        problem(get("/reports/" + UUID.randomUUID(), traderToken), 404, "not-found");
        problem(get("/reports/" + h.assessmentId, otherToken), 404, "not-found");
        problem(get("/reports/" + h.assessmentId + ".pdf", otherToken), 404, "not-found");
        problem(get("/reports/" + h.assessmentId + "/status", otherToken), 404, "not-found");
        problem(get("/reports/not-a-uuid", traderToken), 400, "invalid-id");
        problem(get("/reports/" + h.assessmentId + "/certificate.pdf", traderToken), 404, "not-found");
        problem(get("/reports/" + h.assessmentId + "/charts/nope.png", traderToken), 404, "not-found");
        assertThat(get("/reports/" + h.assessmentId, null).statusCode()).isEqualTo(401);
        assertThat(get("/reports/" + h.assessmentId, adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    void anActiveAssessmentWithoutTradesHasAValidInterimReportThatSaysSo() {
        ReportEvents h = history().created().started();
        h.publishInOrder();
        awaitApplied(h.assessmentId, h.lastSeq(), Duration.ofSeconds(60));

        JsonNode r = expectJson(get("/reports/" + h.assessmentId, traderToken), 200);
        assertThat(r.get("interim").asBoolean()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.get("metrics").get("roundTrips").asInt()).isZero();
        assertThat(r.get("metrics").has("sharpe")).isFalse();
        assertThat(r.get("notes").toString()).contains("No trades were made", "Interim report");
        JsonNode status = expectJson(get("/reports/" + h.assessmentId + "/status", traderToken), 200);
        assertThat(status.get("report").get("status").asString()).isEqualTo("NOT_FINISHED");
        assertThat(status.get("interimAvailable").asBoolean()).isTrue();

        PdfCheck pdf = PdfCheck.of(get("/reports/" + h.assessmentId + ".pdf", traderToken).body());
        assertThat(pdf.text()).contains("INTERIM", "No trades were made");
        assertThat(new String(get("/reports/" + h.assessmentId + ".html", traderToken).body(),
                StandardCharsets.UTF_8)).contains("INTERIM");
    }

    @Test
    void aReinstatedAssessmentDropsItsFinalReportAndListsTheVoidedBreach() {
        ReportEvents h = failedHistory();
        h.publishInOrder();
        awaitReady(h.assessmentId, "report", Duration.ofSeconds(60));
        UUID violation = jdbc.sql("SELECT violation_id FROM violation WHERE assessment_id = ?").param(h.assessmentId)
                .query(UUID.class).single();
        // the last round trip stands for the liquidation: its closing fill is voided and its position reopened
        UUID liquidationFill = jdbc.sql("SELECT trade_id FROM fill WHERE assessment_id = ? ORDER BY filled_at DESC, "
                + "seq DESC LIMIT 1").param(h.assessmentId).query(UUID.class).single();
        UUID reopened = jdbc.sql("SELECT position_id FROM round_trip WHERE assessment_id = ? ORDER BY closed_at DESC "
                + "LIMIT 1").param(h.assessmentId).query(UUID.class).single();
        int fills = jdbc.sql("SELECT count(*) FROM fill WHERE assessment_id = ?").param(h.assessmentId)
                .query(Integer.class).single();
        int roundTrips = expectJson(get("/reports/" + h.assessmentId, traderToken), 200).get("metrics")
                .get("roundTrips").asInt();
        h.reinstated(violation, List.of(liquidationFill), List.of(reopened));
        h.publishInOrder(); // everything again: the duplicates are dropped, only the reinstatement is new
        awaitApplied(h.assessmentId, h.lastSeq(), Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT trade_id FROM fill WHERE assessment_id = ?").param(h.assessmentId)
                .query(UUID.class).list()).hasSize(fills - 1).doesNotContain(liquidationFill);
        assertThat(expectJson(get("/reports/" + h.assessmentId, traderToken), 200).get("metrics").get("roundTrips")
                .asInt()).isEqualTo(roundTrips - 1);

        JsonNode r = expectJson(get("/reports/" + h.assessmentId, traderToken), 200);
        assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.get("interim").asBoolean()).isTrue();
        assertThat(r.has("result")).isFalse();
        assertThat(r.has("breach")).isFalse();
        assertThat(r.get("voidedBreaches").get(0).get("violationId").asString()).isEqualTo(violation.toString());
        assertThat(rule(r, "DAILY_LOSS").get("status").asString()).isEqualTo("OK");
        JsonNode status = expectJson(get("/reports/" + h.assessmentId + "/status", traderToken), 200);
        assertThat(status.get("report").get("status").asString()).isEqualTo("NOT_FINISHED");
    }

    @Test
    void aPassedFundedAssessmentGetsACertificateAndTheLatestSimulationsFanChart() {
        ReportEvents h = history().created().started();
        long equity = 100_000;
        for (int d = 0; d < 5; d++) {
            h.roundTrip(d, "BTC-USD", "2200", "20");
            equity += 2180;
            h.day(d, "2180", String.valueOf(equity), String.valueOf(equity - 2180 - 300));
        }
        h.completed("PASSED", "TARGET_MET", String.valueOf(equity), null).fundedEligible(String.valueOf(equity));
        h.simulation(30);
        h.publishInOrder();
        awaitReady(h.assessmentId, "certificate", Duration.ofSeconds(60));
        awaitReady(h.assessmentId, "report", Duration.ofSeconds(60));

        PdfCheck certificate = PdfCheck.of(get("/reports/" + h.assessmentId + "/certificate.pdf", traderToken)
                .body());
        assertThat(certificate.pages()).isEqualTo(1);
        assertThat(certificate.text()).contains("Certificate", trader.toString(), "profit split 80");
        // the simulation travels on its own topic and may be applied after the first stored report: that report is
        // then regenerated with it
        JsonNode[] latest = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            latest[0] = expectJson(get("/reports/" + h.assessmentId, traderToken), 200);
            assertThat(latest[0].has("simulation")).isTrue();
        });
        JsonNode r = latest[0];
        assertThat(r.get("fundedEligible").asBoolean()).isTrue();
        assertThat(decimal(r.get("simulation").get("passProbability"))).isEqualByComparingTo("0.62");
        assertThat(r.get("simulation").get("fanChart")).hasSize(31);
        assertThat(rule(r, "PROFIT_TARGET").get("status").asString()).isEqualTo("MET");
        PdfCheck pdf = PdfCheck.of(get("/reports/" + h.assessmentId + ".pdf", traderToken).body());
        assertThat(pdf.chartColours()).hasSize(5).allSatisfy(c -> assertThat(c).isGreaterThan(8));
        HttpResponse<byte[]> png = get("/reports/" + h.assessmentId + "/charts/fan.png", traderToken);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        HttpResponse<byte[]> svg = get("/reports/" + h.assessmentId + "/charts/equity.svg", traderToken);
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).startsWith("<svg");
    }

    @Test
    void anEventThatCannotBeAppliedHoldsOnlyItsOwnAssessment() {
        ReportEvents poisoned = history().created().started().unstorableFill().roundTrip(0, "BTC-USD", "100", "1");
        poisoned.publishInOrder();
        ReportEvents healthy = failedHistory();
        healthy.publishInOrder();

        awaitReady(healthy.assessmentId, "report", Duration.ofSeconds(60));
        awaitApplied(poisoned.assessmentId, 2, Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT last_seq FROM consumer_seq_cursor WHERE consumer = 'report-read-model' "
                + "AND assessment_id = ?").param(poisoned.assessmentId).query(Long.class).single()).isEqualTo(2L);
        // the unapplied events are kept, not lost: seq 3 (the bad fill) onwards
        assertThat(jdbc.sql("SELECT min(seq) FROM pending_event WHERE assessment_id = ?")
                .param(poisoned.assessmentId).query(Long.class).single()).isEqualTo(3L);
        assertThat(expectJson(get("/reports/" + poisoned.assessmentId, traderToken), 200).get("fills").asInt())
                .isZero();
    }

    @Test
    void operatorAnalyticsAreForAdminsInJsonAndCsv() {
        ReportEvents failed = failedHistory();
        failed.publishInOrder();
        Instant at = Instant.parse("2026-10-02T12:00:00Z");
        failed.send(ReportEvents.purchase(EventType.PURCHASE_COMPLETED, tier, "99.00", at));
        failed.send(ReportEvents.purchase(EventType.PURCHASE_COMPLETED, tier, "99.00", at));
        failed.send(ReportEvents.purchase(EventType.PURCHASE_REFUNDED, tier, "99.00", at));
        failed.flush();
        awaitApplied(failed.assessmentId, failed.lastSeq(), Duration.ofSeconds(60));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM purchase_event WHERE tier_id = ?").param(tier).query(Integer.class).single() == 3);

        String range = "?from=2026-10-01&to=2026-10-31&period=month";
        JsonNode a = expectJson(get("/analytics/operator" + range, adminToken), 200);
        JsonNode outcome = find(a.get("outcomes"), "tierId", tier.toString());
        assertThat(outcome.get("period").asString()).isEqualTo("2026-10");
        assertThat(outcome.get("failed").asInt()).isEqualTo(1);
        assertThat(decimal(outcome.get("passRate"))).isEqualByComparingTo("0");
        JsonNode revenue = find(a.get("revenue"), "tierId", tier.toString());
        assertThat(revenue.get("purchases").asInt()).isEqualTo(2);
        assertThat(decimal(revenue.get("net"))).isEqualByComparingTo("99");
        assertThat(a.get("failureReasons").toString()).contains("DAILY_LOSS");

        HttpResponse<byte[]> csv = get("/analytics/operator.csv" + range, adminToken);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("section,tier,key,metric,value\n")
                .contains("revenue," + tier + ",USD,net,99");

        problem(get("/analytics/operator", traderToken), 403, "forbidden");
        problem(get("/analytics/operator?period=year", adminToken), 400, "validation");
        problem(get("/analytics/operator?from=2026-13-01", adminToken), 400, "validation");
        problem(get("/analytics/operator?from=2026-10-05&to=2026-10-01", adminToken), 400, "validation");
    }

    static JsonNode rule(JsonNode report, String name) {
        return find(report.get("rules"), "rule", name);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    static BigDecimal decimal(JsonNode n) {
        return new BigDecimal(n.asString());
    }
}
