package com.vaticprop.report.model;

import java.math.BigDecimal;
import java.util.List;

/** The round-trip P&L distribution in equal-width bins (lower bound inclusive), as charted. */
public record TripHistogram(List<Bin> bins) {

    public record Bin(BigDecimal from, BigDecimal to, int count) {
    }
}
