package org.nicrig.protocol.message;

/** One named device counter (ASCII name of at most 255 bytes, unsigned 64-bit value). */
public record Counter(String name, long value) {
}
