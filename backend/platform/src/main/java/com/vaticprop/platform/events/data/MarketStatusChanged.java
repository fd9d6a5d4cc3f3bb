package com.vaticprop.platform.events.data;

import java.time.Instant;

public record MarketStatusChanged(String instrument, Status status, Instant at) implements EventData {
    public enum Status { OPEN, CLOSED, HALTED }
}
