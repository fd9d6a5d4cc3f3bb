package com.vaticprop.marketdata.metrics;

import com.vaticprop.platform.events.Topic;

/**
 * What the Kafka producer reports per record: acknowledged after a latency, or refused. {@link MarketDataMetrics}
 * turns it into meters; a load harness can listen to every record instead of a histogram's buckets.
 */
public interface PublishObserver {

    /** Kafka acknowledged a record {@code latencyNanos} after its venue frame was received. */
    void acknowledged(Topic topic, long latencyNanos);

    /** A record could not be sent or Kafka refused it. */
    void publishFailed(Topic topic);
}
