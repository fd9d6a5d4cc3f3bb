package com.vaticprop.websocket.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The tunables of the WebSocket service ({@code vatic.ws.*}); defaults are the production values, tests shorten the
 * timers. One record so the README's configuration table has exactly one source.
 *
 * @param authTimeout            how long a connection without a ticket may stay unauthenticated (and how long an
 *                               expired session has to send a fresh {@code auth} frame)
 * @param pingInterval           RFC 6455 ping period
 * @param maxMissedPongs         pings left unanswered before the socket is closed
 * @param sendQueueLimit         frames queued for one connection before it is closed as a slow consumer (4008)
 * @param maxMessageBytes        largest inbound text frame; bigger ones are closed with 1009. Tomcat allocates a
 *                               buffer of this many chars for every socket up front, so it is kept near what a
 *                               client really sends (an {@code auth} frame with its access
 *                               token is about 600 bytes)
 * @param maxSubscriptions       channels one connection may hold at once
 * @param maxConnectionsPerUser  connections one user may hold on one replica
 * @param marketMaxPerSecond     conflated ticks per second per market channel per connection
 * @param historySize            seq events kept per assessment for resume
 * @param historyTtl             how long an idle assessment's history, snapshot and owner are kept
 * @param gapTimeout             how long a missing seq is waited for before the replica gives up on it
 * @param startupRewind          how far back in time a starting replica re-reads the event topics
 * @param shutdownDrain          how long graceful shutdown waits for queued frames before closing with 1012
 * @param snapshotCacheSize      latest account snapshots kept in memory (besides Redis) for subscribes, also while
 *                               Redis is away
 */
@ConfigurationProperties("vatic.ws")
public record StreamSettings(
        @DefaultValue("5s") Duration authTimeout,
        @DefaultValue("20s") Duration pingInterval,
        @DefaultValue("2") int maxMissedPongs,
        @DefaultValue("1000") int sendQueueLimit,
        @DefaultValue("1024") int maxMessageBytes,
        @DefaultValue("50") int maxSubscriptions,
        @DefaultValue("10") int maxConnectionsPerUser,
        @DefaultValue("4") int marketMaxPerSecond,
        @DefaultValue("1000") int historySize,
        @DefaultValue("31d") Duration historyTtl,
        @DefaultValue("3s") Duration gapTimeout,
        @DefaultValue("5m") Duration startupRewind,
        @DefaultValue("5s") Duration shutdownDrain,
        @DefaultValue("10000") int snapshotCacheSize) {
}
