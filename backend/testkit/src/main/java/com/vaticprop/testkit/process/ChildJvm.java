package com.vaticprop.testkit.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a new JVM running a class of the test's own class path — for what must live in a process of
 * its own: a broker that must not share the harness's heap, a replica that a test kills with SIGKILL.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java <jvmOptions> -cp <this JVM's class path> <main> <args>}, with this JVM's own {@code java}. Under
     * Surefire the full test class path is {@code surefire.test.class.path} ({@code java.class.path} may be a
     * manifest-only jar).
     */
    public static List<String> command(Class<?> main, List<String> jvmOptions, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }
}
