package org.nicrig.host.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a classic libpcap capture (the pcap file format: global header with magic 0xa1b2c3d4,
 * version 2.4, snaplen 65535, LINKTYPE_ETHERNET 1, then per packet a 16-byte record header with
 * microsecond timestamp, captured and original length). Written big-endian; readers take the byte
 * order from the magic.
 *
 * <p>Each packet (record header and bytes together) is one write to the file before
 * {@link #write} returns, so a killed run leaves a capture readable up to its last whole packet.
 * Thread-safe. Frames longer than the snaplen are cut to it, with their original length kept.
 * Write errors are thrown as {@link UncheckedIOException} naming the file.
 */
public final class PcapWriter implements AutoCloseable {
    public static final int MAGIC = 0xa1b2c3d4;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    public static final int SNAPLEN = 65535;
    public static final int LINKTYPE_ETHERNET = 1;
    static final int GLOBAL_HEADER = 24;
    static final int RECORD_HEADER = 16;

    private final Path path;
    private final FileOutputStream out; // not an interruptible FileChannel: see RunJournal
    private long packets;
    private boolean closed;

    private PcapWriter(Path path, FileOutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** Creates {@code file} (which must not exist: a previous capture is never overwritten). */
    public static PcapWriter create(Path file) throws IOException {
        Files.createFile(file);
        FileOutputStream out = new FileOutputStream(file.toFile(), true);
        ByteBuffer h = ByteBuffer.allocate(GLOBAL_HEADER).order(ByteOrder.BIG_ENDIAN);
        h.putInt(MAGIC).putShort((short) VERSION_MAJOR).putShort((short) VERSION_MINOR)
                .putInt(0) // thiszone: timestamps are UTC
                .putInt(0) // sigfigs
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        try {
            out.write(h.array());
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new PcapWriter(file, out);
    }

    public Path path() {
        return path;
    }

    public void write(Instant timestamp, byte[] frame) {
        write(timestamp, frame, 0, frame.length);
    }

    /** Appends one Ethernet frame captured at {@code timestamp} (truncated to microseconds). */
    public synchronized void write(Instant timestamp, byte[] frame, int offset, int length) {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.checkFromIndexSize(offset, length, frame.length);
        if (closed) {
            throw new IllegalStateException("capture " + path + " is closed");
        }
        long seconds = timestamp.getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("pcap timestamps are unsigned 32-bit seconds: " + timestamp);
        }
        int captured = Math.min(length, SNAPLEN);
        ByteBuffer r = ByteBuffer.allocate(RECORD_HEADER + captured).order(ByteOrder.BIG_ENDIAN);
        r.putInt((int) seconds).putInt(timestamp.getNano() / 1000).putInt(captured).putInt(length);
        r.put(frame, offset, captured);
        try {
            out.write(r.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write capture " + path + ": " + e.getMessage(), e);
        }
        packets++;
    }

    public synchronized long packets() {
        return packets;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
