package com.vaticprop.devstack;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the trader console ({@code frontend/console}: plain HTML, JavaScript modules and CSS, no build step) on
 * 127.0.0.1:3005 with the JDK's own static file server, so the devstack needs no web server of its own and the page
 * is served from an origin the services admit: {@link #ORIGINS} goes into their CORS_ALLOWED_ORIGINS, which both the
 * HTTP CORS rules and the WebSocket's Origin check read.
 */
final class ConsoleServer implements AutoCloseable {

    static final int PORT = 3005;
    /** The page's origins, by IP and by name: a browser sends whichever the trader typed. */
    static final List<String> ORIGINS = List.of("http://127.0.0.1:" + PORT, "http://localhost:" + PORT);

    private final HttpServer server;

    private ConsoleServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving {@code <root>/frontend/console}; loopback only (the console talks to services that trust
     * whoever can reach them on this machine). Throws when the directory is missing or the port is taken.
     */
    static ConsoleServer start(Path root) throws IOException {
        return start(root, PORT);
    }

    /** As {@link #start(Path)} on another port (0: an ephemeral one, for tests). */
    static ConsoleServer start(Path root, int port) throws IOException {
        Path pages = root.resolve("frontend").resolve("console").toAbsolutePath().normalize();
        if (!Files.isRegularFile(pages.resolve("index.html"))) {
            throw new IOException("no console page at " + pages);
        }
        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", port), pages,
                SimpleFileServer.OutputLevel.NONE);
        server.start();
        return new ConsoleServer(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
