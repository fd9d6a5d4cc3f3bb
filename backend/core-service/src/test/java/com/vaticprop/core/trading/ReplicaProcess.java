package com.vaticprop.core.trading;

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
final class ReplicaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ReplicaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} of the class on the test's class path with the properties as command-line arguments. */
    static ReplicaProcess start(Class<?> application, Map<String, String> properties, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                classPath, application.getName()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
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
