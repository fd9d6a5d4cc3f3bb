package com.vaticprop.benchmarks.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * websocket-service under test, in a JVM of its own (its executable jar), so its heap and CPU are its own: heap after
 * a full GC from {@code jcmd}, CPU seconds from {@code /proc/<pid>/stat}, counters from {@code /metrics}.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total.*?used (\\d+)K");
    private static final Pattern ANY_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess launch(Path jar, List<String> jvmOptions, Map<String, String> env, int port, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().putAll(env);
        b.environment().put("PORT", Integer.toString(port));
        b.redirectErrorStream(true);
        b.redirectOutput(log.toFile());
        return new ServerProcess(b.start(), port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("websocket-service exited with " + process.exitValue());
            }
            if (status("/ready") == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("websocket-service not ready within " + timeout);
    }

    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of the samples of one metric on /metrics (all label sets), NaN when absent. */
    double metric(String name) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = Double.NaN;
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sum = Double.isNaN(sum) ? v : sum + v;
                }
            }
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Heap in use right after two full collections ({@code jcmd GC.run}), in bytes. */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = G1_USED.matcher(info.replace('\n', ' '));
        if (!m.find()) {
            m = ANY_USED.matcher(info);
            if (!m.find()) {
                throw new IllegalStateException("no heap figure in: " + info);
            }
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** {@code jcmd GC.class_histogram} (a full GC first): class name → bytes. */
    Map<String, Long> classHistogram() throws IOException, InterruptedException {
        Map<String, Long> bytes = new java.util.HashMap<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** CPU time the process has used so far (user + system), from /proc. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** SIGTERM (graceful shutdown), then a hard kill after {@code grace}. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** {@code DBSIZE} of a Redis server, in plain RESP (the harness needs nothing else from Redis). */
    static long redisKeys(int redisPort) throws IOException {
        try (Socket s = new Socket("127.0.0.1", redisPort)) {
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$6\r\nDBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return Long.parseLong(line.substring(1));
        }
    }
}
