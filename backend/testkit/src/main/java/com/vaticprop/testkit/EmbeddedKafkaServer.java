package com.vaticprop.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A real single-node KRaft Kafka broker in this JVM, reachable on a fixed port. The KRaft test kit picks its own
 * listener ports (and {@code EmbeddedKafkaKraftBroker} ignores {@code kafkaPorts}), so the broker advertises the
 * fixed port and a {@link TcpForwarder} on that port relays to wherever the broker really listens.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private TcpForwarder forwarder;
    private int realPort;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker, TcpForwarder forwarder) {
        this.broker = broker;
        this.forwarder = forwarder;
    }

    /** Starts a broker on {@code port} (0 = any free port). */
    public static EmbeddedKafkaServer start(int port) {
        TcpForwarder forwarder = new TcpForwarder(port, 0);
        try {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + forwarder.port());
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("log.dirs", Files.createTempDirectory("vatic-kafka").toString());
            String bootstrapBefore = System.getProperty("spring.kafka.bootstrap-servers");
            String embeddedBefore = System.getProperty("spring.embedded.kafka.brokers");
            RealPort.capture(broker, forwarder);
            // The broker publishes its address as JVM-wide system properties, which would outrank the KAFKA_BROKERS
            // a test or the devstack gives each service (and point every later context at the last broker started).
            restore("spring.kafka.bootstrap-servers", bootstrapBefore);
            restore("spring.embedded.kafka.brokers", embeddedBefore);
            return new EmbeddedKafkaServer(broker, forwarder);
        } catch (IOException e) {
            forwarder.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            forwarder.close();
            throw e;
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + forwarder.port();
    }

    public int port() {
        return forwarder.port();
    }

    /**
     * Makes the broker unreachable, as a network partition or a dead broker would look to clients: the port stops
     * listening and every open connection is cut. {@link #reconnect()} undoes it; the broker keeps its data.
     */
    public synchronized void disconnect() {
        realPort = forwarder.targetPort();
        forwarder.close();
    }

    public synchronized void reconnect() {
        int port = forwarder.port();
        forwarder = new TcpForwarder(port, realPort);
    }

    @Override
    public synchronized void close() {
        forwarder.dropConnections();
        broker.destroy();
        forwarder.close();
    }

    /**
     * The broker's real port is known only once the test kit has bound it, but the broker's own start-up already
     * talks to itself through the advertised (forwarded) port; so the forwarder is pointed at the real port from the
     * test kit's cluster as soon as it exists, in a background watcher, while {@code afterPropertiesSet} runs.
     */
    private static final class RealPort {
        static void capture(EmbeddedKafkaKraftBroker broker, TcpForwarder forwarder) {
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        if (broker.getCluster() != null && retarget(broker, forwarder)) {
                            return;
                        }
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            });
            try {
                broker.afterPropertiesSet();
            } finally {
                watcher.interrupt();
            }
            if (!retarget(broker, forwarder)) {
                throw new IllegalStateException("embedded Kafka started without a listener port");
            }
        }

        /** Points the forwarder at the broker's real port; false while the port is not bound yet. */
        private static boolean retarget(EmbeddedKafkaKraftBroker broker, TcpForwarder forwarder) {
            String first = broker.getCluster().bootstrapServers().split(",")[0];
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
            if (port <= 0) {
                return false;
            }
            forwarder.retarget(port);
            return true;
        }
    }
}
