package com.vaticprop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards a fixed loopback port to a server's real port. The embedded KRaft test kit binds its listeners to ports
 * of its own choosing, so a broker that must be reachable on a fixed port (the devstack's 19092, a test that
 * restarts the broker) advertises this forwarder's port and sits behind it.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean running = true;

    TcpForwarder(int port, int targetPort) {
        this.targetPort = targetPort;
        server = bindWithRetry(port);
        Thread.ofVirtual().name("forward-" + port).start(this::acceptLoop);
    }

    /** Connections that the previous owner of the port closed may hold it for a moment: retry for a while. */
    private static ServerSocket bindWithRetry(int port) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    if (port == 0 || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int targetPort() {
        return targetPort;
    }

    void retarget(int newTargetPort) {
        this.targetPort = newTargetPort;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Drops every live connection (as a dying server would) but keeps listening. */
    void dropConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        dropConnections();
    }
}
