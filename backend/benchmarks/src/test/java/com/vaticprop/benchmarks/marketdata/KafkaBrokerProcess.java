package com.vaticprop.benchmarks.marketdata;

import com.vaticprop.testkit.EmbeddedKafkaServer;
import com.vaticprop.testkit.process.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The harness's Kafka broker in a JVM of its own, as in production (a broker never shares the service's heap and
 * GC pauses). {@link #main} prints {@code BOOTSTRAP=<host:port>} once the broker listens and stops it when its
 * standard input closes (the harness ending, however it ends).
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private KafkaBrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBrokerProcess start() throws IOException {
        Process process = new ProcessBuilder(ChildJvm.command(KafkaBrokerProcess.class,
                List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"), List.of()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("BOOTSTRAP=")) {
                return new KafkaBrokerProcess(process, line.substring("BOOTSTRAP=".length()).trim());
            }
        }
        process.destroyForcibly();
        throw new IOException("the broker process ended before it listened");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0);
        System.out.println("BOOTSTRAP=" + kafka.bootstrapServers());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the harness to close our stdin
        }
        kafka.close();
        System.exit(0);
    }
}
