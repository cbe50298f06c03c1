package org.nicrig.host.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic microsecond libpcap file in either byte order (taken from the magic), tolerating
 * a last record cut short by a killed writer. Meant for tests and for checking a run's captures;
 * it reads the whole file into memory.
 */
public final class PcapReader {
    private static final int SWAPPED_MAGIC = Integer.reverseBytes(PcapWriter.MAGIC);

    private PcapReader() {
    }

    public static PcapFile read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path));
        if (b.remaining() < PcapWriter.GLOBAL_HEADER) {
            throw new PcapFormatException(path, 0, "shorter than the 24-byte global header");
        }
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic == SWAPPED_MAGIC) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != PcapWriter.MAGIC) {
            throw new PcapFormatException(path, 0, String.format("magic 0x%08x is not 0xa1b2c3d4 "
                    + "(a nanosecond pcap or a pcapng file is not read here)", magic));
        }
        b.position(4);
        int major = Short.toUnsignedInt(b.getShort());
        int minor = Short.toUnsignedInt(b.getShort());
        b.getInt(); // thiszone
        b.getInt(); // sigfigs
        int snaplen = b.getInt();
        int linkType = b.getInt();
        List<PcapRecord> records = new ArrayList<>();
        boolean torn = false;
        while (b.hasRemaining()) {
            int at = b.position();
            if (b.remaining() < PcapWriter.RECORD_HEADER) {
                torn = true;
                break;
            }
            long seconds = Integer.toUnsignedLong(b.getInt());
            long micros = Integer.toUnsignedLong(b.getInt());
            int captured = b.getInt();
            int original = b.getInt();
            if (micros >= 1_000_000 || captured < 0 || captured > snaplen || original < captured) {
                throw new PcapFormatException(path, at, "bad record header: usec=" + micros + " incl_len=" + captured
                        + " orig_len=" + original + " snaplen=" + snaplen);
            }
            if (b.remaining() < captured) {
                torn = true;
                break;
            }
            byte[] data = new byte[captured];
            b.get(data);
            records.add(new PcapRecord(Instant.ofEpochSecond(seconds, micros * 1000), original, data));
        }
        return new PcapFile(major, minor, snaplen, linkType, records, torn);
    }
}
