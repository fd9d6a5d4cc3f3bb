package com.vaticprop.platform.events.data;

/** The {@code data} of an event envelope; one record per event type of the topic catalogue. */
public interface EventData {
}
