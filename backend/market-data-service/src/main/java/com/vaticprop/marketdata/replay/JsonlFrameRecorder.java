package com.vaticprop.marketdata.replay;

import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends frames to a JSONL file, one {@link RecordedFrame} per line. Writes are buffered; {@link #flush()} and
 * {@link #close()} push them to disk. A write that fails is counted and logged once; the stream goes on.
 */
public final class JsonlFrameRecorder implements FrameRecorder {

    private static final Logger log = LoggerFactory.getLogger(JsonlFrameRecorder.class);

    private final Path file;
    private final BufferedWriter out;
    private final JsonMapper json = VaticJson.mapper();
    private long written;
    private long failures;

    public JsonlFrameRecorder(Path file) {
        this.file = file;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record to " + file, e);
        }
    }

    @Override
    public synchronized void record(String venue, Instant receivedTs, String frame) {
        try {
            out.write(json.writeValueAsString(new RecordedFrame(venue, receivedTs, frame)));
            out.write('\n');
            written++;
        } catch (IOException | RuntimeException e) {
            if (failures++ == 0) {
                log.warn("recording to {} failed: {}", file, e.toString());
            }
        }
    }

    public synchronized long written() {
        return written;
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            log.warn("recording to {} failed: {}", file, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("closing recording {} failed: {}", file, e.toString());
        }
    }
}
