package com.vaticprop.core.trading;

import com.vaticprop.testkit.process.ChildJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A core-service replica in its own JVM, so a test can kill it the way a node dies — SIGKILL, no shutdown hooks, no
 * leaving the consumer group — which an application context in the test's JVM cannot imitate.
 */
record ReplicaProcess(Process process, Path log) implements AutoCloseable {

    /** Starts {@code main} of the class on the test's class path with the properties as command-line arguments. */
    static ReplicaProcess start(Class<?> application, Map<String, String> properties, Path log) throws IOException {
        List<String> args = new ArrayList<>();
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        List<String> command = ChildJvm.command(application, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ReplicaProcess(p, log);
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the replica exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the replica did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
