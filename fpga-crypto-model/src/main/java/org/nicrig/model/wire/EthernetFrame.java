package org.nicrig.model.wire;

import org.nicrig.protocol.message.MacAddress;

/** Ethernet II framing: destination, source, EtherType, payload. No FCS: the wire carries frames whole. */
public final class EthernetFrame {
    public static final int HEADER_LENGTH = 14;
    public static final int ETHERTYPE_IPV4 = 0x0800;

    private EthernetFrame() {
    }

    public static byte[] build(MacAddress destination, MacAddress source, int etherType, byte[] payload) {
        byte[] f = new byte[HEADER_LENGTH + payload.length];
        destination.writeTo(f, 0);
        source.writeTo(f, 6);
        f[12] = (byte) (etherType >>> 8);
        f[13] = (byte) etherType;
        System.arraycopy(payload, 0, f, HEADER_LENGTH, payload.length);
        return f;
    }

    public static boolean valid(byte[] frame) {
        return frame.length >= HEADER_LENGTH;
    }

    public static MacAddress destination(byte[] frame) {
        return MacAddress.fromBytes(frame, 0);
    }

    public static MacAddress source(byte[] frame) {
        return MacAddress.fromBytes(frame, 6);
    }

    public static int etherType(byte[] frame) {
        return ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF);
    }

    public static byte[] payload(byte[] frame) {
        return java.util.Arrays.copyOfRange(frame, HEADER_LENGTH, frame.length);
    }

    /** The IPv4 protocol number of the packet in this frame, or -1 when it is not IPv4. */
    public static int ipProtocol(byte[] frame) {
        if (frame.length < HEADER_LENGTH + 20 || etherType(frame) != ETHERTYPE_IPV4) {
            return -1;
        }
        return frame[HEADER_LENGTH + 9] & 0xFF;
    }

    /** The SPI of the ESP packet in this frame (RFC 4303 §2.1), or -1. */
    public static long espSpi(byte[] frame) {
        if (ipProtocol(frame) != 50) {
            return -1;
        }
        int ihl = (frame[HEADER_LENGTH] & 0x0F) * 4;
        int at = HEADER_LENGTH + ihl;
        if (frame.length < at + 8) {
            return -1;
        }
        return ((frame[at] & 0xFFL) << 24) | ((frame[at + 1] & 0xFFL) << 16) | ((frame[at + 2] & 0xFFL) << 8) | (frame[at + 3] & 0xFFL);
    }
}
