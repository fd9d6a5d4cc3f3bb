package com.vaticprop.core.fairness;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Thresholds of the fairness detectors ({@code vatic.fairness.*}). They decide what an operator gets to look at,
 * never what happens to an account.
 *
 * @param hedgeWindow           opposite positions opened this close together count as one hedging occurrence
 * @param hedgeMinOccurrences   occurrences per pair of users before it is reported
 * @param copyWindow            orders this close together with the same instrument, side, type and quantity match
 * @param copyMinMatches        matched orders before a pair of assessments is reported
 * @param copyMinShare          matched share of the shorter order stream before it is reported
 * @param quoteGapCrypto        a crypto instrument silent this long has a quote gap
 * @param quoteGapPrediction    a prediction market silent this long has a quote gap
 * @param afterGap              a fill this soon after a gap closed counts as trading after a gap
 * @param latencyMinFills       fills of an assessment before its share is judged
 * @param latencyMinShare       share of its fills right after gaps before it is reported
 * @param period                the periodic report covers each such period (aligned to the epoch)
 */
public record FairnessSettings(Duration hedgeWindow, int hedgeMinOccurrences, Duration copyWindow, int copyMinMatches,
                               BigDecimal copyMinShare, Duration quoteGapCrypto, Duration quoteGapPrediction,
                               Duration afterGap, int latencyMinFills, BigDecimal latencyMinShare, Duration period) {
}
