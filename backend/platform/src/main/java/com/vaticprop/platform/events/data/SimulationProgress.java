package com.vaticprop.platform.events.data;

import java.util.UUID;

public record SimulationProgress(UUID simulationId, int progressPct) implements EventData {
}
