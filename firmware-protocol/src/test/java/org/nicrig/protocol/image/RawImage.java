package org.nicrig.protocol.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes image bytes field by field from FIRMWARE-IMAGE.md §3 and §5, without FirmwareImage's
 * encoder, and with every field free to be wrong: the refusal tests build their bad images with
 * it, and the golden test checks the encoder against it. Records where each field went.
 */
final class RawImage {
    /** One field as written: its name as the reader reports it, offset and length. */
    record Field(String name, int offset, int length) {
    }

    byte[] magic = {'N', 'R', 'F', 'W'};
    int formatVersion = 1;
    int reserved = 0;
    /** Null: the real length. */
    Integer headerLength;
    int vendor = 0x1172;
    int device = 0xE001;
    int revisionMin = 0x01;
    int revisionMax = 0x0F;
    int major = 1;
    int minor = 5;
    int patch = 0;
    long rollback = 2;
    int flags = 3;
    /** Each {transform id, key bits, rate}. */
    List<long[]> ciphers = new ArrayList<>(List.of(new long[] {12, 128, 125_000_000}, new long[] {20, 256, 110_000_000}));
    List<Integer> integrities = new ArrayList<>(List.of(0, 12));
    List<byte[]> defects = new ArrayList<>(List.of("IV_REUSE".getBytes(StandardCharsets.US_ASCII)));
    byte[] payload = "stand-in for an FPGA bitstream\n".getBytes(StandardCharsets.US_ASCII);
    /** Null: the payload's real length. */
    Long payloadLength;
    /** Null: the payload's real SHA-256. */
    byte[] payloadSha256;
    /** Null: unsigned (one 0 byte). */
    byte[] keyId;
    byte[] signature;
    /** Written after the trailer. */
    byte[] extra = new byte[0];

    final List<Field> fields = new ArrayList<>();
    private ByteArrayOutputStream out;

    RawImage signedWith(byte[] keyId, byte[] signature) {
        this.keyId = keyId;
        this.signature = signature;
        return this;
    }

    byte[] bytes() {
        fields.clear();
        out = new ByteArrayOutputStream();
        raw("magic", magic);
        u8("format version", formatVersion);
        u8("reserved", reserved);
        int headerLengthAt = out.size();
        u16("header length", 0);
        u16("vendor id", vendor);
        u16("device id", device);
        u8("revision min", revisionMin);
        u8("revision max", revisionMax);
        u8("major", major);
        u8("minor", minor);
        u16("patch", patch);
        u32("rollback counter", rollback);
        u8("capability flags", flags);
        u8("cipher count", ciphers.size());
        for (long[] c : ciphers) {
            u16("cipher id", (int) c[0]);
            u16("cipher key bits", (int) c[1]);
            u32("cipher rate", c[2]);
        }
        u8("integrity count", integrities.size());
        for (int i : integrities) {
            u16("integrity id", i);
        }
        u8("defect count", defects.size());
        for (byte[] d : defects) {
            u8("defect name length", d.length);
            raw("defect name", d);
        }
        u32("payload length", payloadLength != null ? payloadLength : payload.length);
        raw("payload SHA-256", payloadSha256 != null ? payloadSha256 : Sha256.of(payload));
        int length = headerLength != null ? headerLength : out.size();
        raw("payload", payload);
        if (keyId == null) {
            u8("signature algorithm", 0);
        } else {
            u8("signature algorithm", 1);
            raw("signing key id", keyId);
            raw("Ed25519 signature", signature);
        }
        out.writeBytes(extra);
        byte[] b = out.toByteArray();
        b[headerLengthAt] = (byte) (length >>> 8);
        b[headerLengthAt + 1] = (byte) length;
        return b;
    }

    /** The offset of the first field of that name (after {@link #bytes()}). */
    int offsetOf(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().offset();
    }

    private void u8(String name, int v) {
        fields.add(new Field(name, out.size(), 1));
        out.write(v);
    }

    private void u16(String name, int v) {
        fields.add(new Field(name, out.size(), 2));
        out.write(v >>> 8);
        out.write(v);
    }

    private void u32(String name, long v) {
        fields.add(new Field(name, out.size(), 4));
        for (int s = 24; s >= 0; s -= 8) {
            out.write((int) (v >>> s));
        }
    }

    private void raw(String name, byte[] b) {
        fields.add(new Field(name, out.size(), b.length));
        out.writeBytes(b);
    }
}
