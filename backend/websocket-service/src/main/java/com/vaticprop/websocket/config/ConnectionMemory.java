package com.vaticprop.websocket.config;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * What one idle socket costs in heap is mostly Tomcat's buffers, all allocated up front per connection: the NIO
 * channel's read and write buffers ({@code socket.appReadBufSize}/{@code appWriteBufSize}, 8 KB each by default), the
 * WebSocket frame reader's input buffer and the writer's output and encoder buffers (8 KB each,
 * {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE}), and one inbound message buffer per frame kind, sized by
 * the largest accepted message (a text buffer of {@code max-message-bytes} chars, two bytes each, and a binary one).
 * With Tomcat's defaults and a 16 KiB message cap that is about 90 KB per socket before any object of ours; the
 * load harness measured 105 KB per idle subscribed connection. This service's frames are small (client frames are
 * under 1 KB, an access token included; server frames a few hundred bytes, snapshots a few KB), so the buffers are
 * cut to {@link #IO_BUFFER_BYTES} and {@link #SOCKET_BUFFER_BYTES}; a larger frame just takes several reads or
 * writes.
 */
public final class ConnectionMemory {

    /**
     * Tomcat's WebSocket I/O buffers: the frame reader's input, the writer's output and encoder buffers. An outbound
     * message is encoded in chunks of this size: a typical event frame (a fill with its quote) fits in one.
     */
    public static final int IO_BUFFER_BYTES = 1024;

    /** The NIO channel's read and write buffers; a write larger than this goes to the socket from its own buffer. */
    public static final int SOCKET_BUFFER_BYTES = 1024;

    /** The protocol has no binary frames: the binary message buffer only needs to exist. */
    public static final int MAX_BINARY_MESSAGE_BYTES = 256;

    private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private ConnectionMemory() {
    }

    /**
     * Sets Tomcat's WebSocket I/O buffer size (a system property read once, when its first class loads: so this runs
     * in {@code main} before the web server starts); an explicit {@code -D} on the command line wins.
     */
    public static void applyTomcatWebSocketBuffers() {
        if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
            System.setProperty(TOMCAT_WEBSOCKET_BUFFER, Integer.toString(IO_BUFFER_BYTES));
        }
    }

    /** The connector's per-socket read and write buffers. */
    static TomcatConnectorCustomizer socketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
        };
    }
}
