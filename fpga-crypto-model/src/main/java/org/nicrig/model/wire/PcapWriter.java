package org.nicrig.model.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures a wire into a classic libpcap file (the format of tcpdump -w: a 24-byte global header,
 * then per packet a 16-byte record header and the frame), LINKTYPE_ETHERNET, microsecond time
 * stamps. Each packet is one write(2) of header and frame together, with no buffering in this
 * process, so the file is readable (by tcpdump, Wireshark) while the capture runs and a crash
 * leaves whole records behind.
 *
 * <p>Use as a {@link WireTap}: {@code wire.addTap(PcapWriter.create(path))}. A write that fails
 * stops the capture and is reported by {@link #failure()}, never thrown into the wire.
 */
public final class PcapWriter implements WireTap, AutoCloseable {
    /** Written in this machine's order: readers detect it from the magic number. */
    static final int MAGIC_MICROS = 0xA1B2_C3D4;
    static final int LINKTYPE_ETHERNET = 1;
    static final int SNAPLEN = 65535;
    static final int GLOBAL_HEADER = 24;
    static final int RECORD_HEADER = 16;

    private final Path file;
    private final FileChannel out;
    private final Instant wallAtBase;
    private final long nanosAtBase;
    private final AtomicLong packets = new AtomicLong();
    private volatile IOException failure;

    private PcapWriter(Path file, FileChannel out, Instant wallAtBase, long nanosAtBase) {
        this.file = file;
        this.out = out;
        this.wallAtBase = wallAtBase;
        this.nanosAtBase = nanosAtBase;
    }

    /** Creates (or truncates) {@code file} and writes the global header. */
    public static PcapWriter create(Path file) throws IOException {
        return create(file, Instant.now(), System.nanoTime());
    }

    /**
     * As {@link #create(Path)}, with the wall-clock time {@code wallAtBase} that corresponds to the
     * monotonic {@code nanosAtBase} (the wire's time stamps are {@link System#nanoTime()}).
     */
    public static PcapWriter create(Path file, Instant wallAtBase, long nanosAtBase) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": cannot create capture file (no such directory)", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(file + ": cannot create capture file (permission denied)", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot create capture file (" + e.getMessage() + ")", e);
        }
        ByteBuffer h = ByteBuffer.allocate(GLOBAL_HEADER).order(ByteOrder.nativeOrder());
        h.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4) // version 2.4
                .putInt(0).putInt(0)                                    // thiszone (UTC), sigfigs
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET).flip();
        try {
            writeFully(ch, h);
        } catch (IOException e) {
            ch.close();
            throw new IOException(file + ": cannot write capture file (" + e.getMessage() + ")", e);
        }
        return new PcapWriter(file, ch, wallAtBase, nanosAtBase);
    }

    @Override
    public void onFrame(long nanos, String sender, byte[] frame) {
        write(nanos, frame);
    }

    /** Appends one frame captured at monotonic time {@code nanos}. */
    public synchronized void write(long nanos, byte[] frame) {
        if (failure != null || !out.isOpen()) {
            return;
        }
        Instant at = wallAtBase.plusNanos(nanos - nanosAtBase);
        int captured = Math.min(frame.length, SNAPLEN);
        ByteBuffer r = ByteBuffer.allocate(RECORD_HEADER + captured).order(ByteOrder.nativeOrder());
        r.putInt((int) at.getEpochSecond()).putInt(at.getNano() / 1000)
                .putInt(captured).putInt(frame.length)
                .put(frame, 0, captured).flip();
        try {
            writeFully(out, r);
            packets.incrementAndGet();
        } catch (IOException e) {
            failure = e;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    public Path file() {
        return file;
    }

    /** Frames written so far. */
    public long packets() {
        return packets.get();
    }

    /** The write error that stopped the capture, or null. */
    public IOException failure() {
        return failure;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
