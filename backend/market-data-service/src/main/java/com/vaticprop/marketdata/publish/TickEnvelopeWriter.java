package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a tick's envelope straight to JSON bytes, the very bytes the platform's {@code EventCodec} writes for
 * {@code EventEnvelope.of(MARKET_TICK, receivedTs, tick)} (a test holds the two to byte equality). It exists for
 * throughput: ticks are the one event published at venue rates, and the generic codec spends most of its time and
 * garbage on reflection-driven serialization and {@code DateTimeFormatter}; here one reused buffer per thread and
 * one exact-size copy per tick remain. Event ids are random (version 4) UUIDs from {@link ThreadLocalRandom}: they
 * must be unique, not unpredictable, and the JDK's {@code SecureRandom} is a lock every connector thread would share.
 */
public final class TickEnvelopeWriter {

    private static final byte[] ID = ascii("{\"id\":\"");
    private static final byte[] TYPE = ascii("\",\"type\":\"" + EventType.MARKET_TICK.wireName()
            + "\",\"version\":1,\"occurredAt\":\"");
    private static final byte[] DATA = ascii("\",\"data\":{\"instrument\":");
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final byte[] HEX_UPPER = ascii("0123456789ABCDEF");

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private TickEnvelopeWriter() {
    }

    /** A new event id, as {@code EventEnvelope.of} would give one (random, version 4). */
    public static UUID newEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The envelope {@code {id, type, version, occurredAt = receivedTs, data = tick}} as JSON bytes. */
    public static byte[] write(UUID id, MarketTick tick) {
        Buffer b = BUFFERS.get();
        b.reset();
        b.put(ID);
        b.uuid(id);
        b.put(TYPE);
        b.instant(tick.receivedTs());
        b.put(DATA);
        b.string(tick.instrument());
        b.stringField("venue", tick.venue());
        b.decimalField("bid", tick.bid());
        b.decimalField("ask", tick.ask());
        b.decimalField("bidSize", tick.bidSize());
        b.decimalField("askSize", tick.askSize());
        b.decimalField("last", tick.last());
        b.decimalField("lastSize", tick.lastSize());
        b.instantField("venueTs", tick.venueTs());
        b.instantField("receivedTs", tick.receivedTs());
        if (tick.venueSeq() != null) {
            b.field("venueSeq");
            b.ascii(Long.toString(tick.venueSeq()));
        }
        b.put((byte) '}');
        b.put((byte) '}');
        return b.copy();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable byte buffer with the few JSON writers the envelope needs. */
    private static final class Buffer {
        private byte[] bytes = new byte[512];
        private int size;

        void reset() {
            size = 0;
        }

        byte[] copy() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void ascii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        void field(String name) {
            put((byte) ',');
            put((byte) '"');
            ascii(name);
            put((byte) '"');
            put((byte) ':');
        }

        void stringField(String name, String value) {
            if (value != null) {
                field(name);
                string(value);
            }
        }

        void decimalField(String name, BigDecimal value) {
            if (value != null) {
                field(name);
                put((byte) '"');
                ascii(value.toPlainString());
                put((byte) '"');
            }
        }

        void instantField(String name, Instant value) {
            if (value != null) {
                field(name);
                put((byte) '"');
                instant(value);
                put((byte) '"');
            }
        }

        /**
         * A JSON string as Jackson writes it: quote, backslash and control characters escaped, everything else as
         * UTF-8 (instrument ids are ASCII by their grammar; venue names are ours).
         */
        void string(String s) {
            put((byte) '"');
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    escaped(c);
                } else if (c < 0x20) {
                    switch (c) {
                        case '\n' -> escaped('n');
                        case '\r' -> escaped('r');
                        case '\t' -> escaped('t');
                        case '\b' -> escaped('b');
                        case '\f' -> escaped('f');
                        default -> {
                            escaped('u');
                            put((byte) '0');
                            put((byte) '0');
                            put(HEX_UPPER[c >> 4]);
                            put(HEX_UPPER[c & 0xf]);
                        }
                    }
                } else if (c < 0x80) {
                    put((byte) c);
                } else {
                    int codePoint = s.codePointAt(i);
                    put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                    i += Character.charCount(codePoint) - 1;
                }
            }
            put((byte) '"');
        }

        private void escaped(char c) {
            put((byte) '\\');
            put((byte) c);
        }

        void uuid(UUID id) {
            hex(id.getMostSignificantBits() >>> 32, 8);
            put((byte) '-');
            hex(id.getMostSignificantBits() >>> 16, 4);
            put((byte) '-');
            hex(id.getMostSignificantBits(), 4);
            put((byte) '-');
            hex(id.getLeastSignificantBits() >>> 48, 4);
            put((byte) '-');
            hex(id.getLeastSignificantBits(), 12);
        }

        private void hex(long value, int digits) {
            ensure(digits);
            for (int i = digits - 1; i >= 0; i--) {
                bytes[size + i] = HEX[(int) (value & 0xf)];
                value >>>= 4;
            }
            size += digits;
        }

        /** ISO-8601 as {@code Instant.toString()} writes it: fraction in groups of 3 digits, none when zero. */
        void instant(Instant t) {
            long seconds = t.getEpochSecond();
            long days = Math.floorDiv(seconds, 86_400);
            int secondOfDay = (int) Math.floorMod(seconds, 86_400);
            // civil-from-days (proleptic Gregorian), valid for years 0..9999; others via the JDK
            long z = days + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int day = (int) (doy - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 3 : mp - 9);
            long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
            if (year < 0 || year > 9999) {
                ascii(t.toString());
                return;
            }
            digits(year, 4);
            put((byte) '-');
            digits(month, 2);
            put((byte) '-');
            digits(day, 2);
            put((byte) 'T');
            digits(secondOfDay / 3600, 2);
            put((byte) ':');
            digits(secondOfDay / 60 % 60, 2);
            put((byte) ':');
            digits(secondOfDay % 60, 2);
            int nano = t.getNano();
            if (nano != 0) {
                put((byte) '.');
                if (nano % 1_000_000 == 0) {
                    digits(nano / 1_000_000, 3);
                } else if (nano % 1000 == 0) {
                    digits(nano / 1000, 6);
                } else {
                    digits(nano, 9);
                }
            }
            put((byte) 'Z');
        }

        private void digits(long value, int width) {
            ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                bytes[size + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size += width;
        }
    }
}
