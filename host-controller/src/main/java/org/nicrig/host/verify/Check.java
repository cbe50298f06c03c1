package org.nicrig.host.verify;

/**
 * What a verification looked at, so that a failure names it. The same names appear in reports
 * and tallies; each constant says which rule it enforces and where that rule is written.
 */
public enum Check {
    /** The SPI in the ESP header is not the SA's (RFC 4303 §2.1, §3.4.2). */
    SPI,
    /** The sequence number is not allowed or not the one expected: zero is never sent (RFC 4303 §3.3.3), or fixed-IV mode named another. */
    SEQUENCE,
    /** The Integrity Check Value does not verify: HMAC (RFC 2403/2404/4868) or the GCM tag (RFC 4106). */
    ICV,
    /** Padding bytes are not 1, 2, 3, … (RFC 4303 §2.4). */
    PADDING,
    /** The Pad Length points before the start of the payload (RFC 4303 §2.5). */
    PAD_LENGTH,
    /** The Next Header is not the protocol of what was protected (RFC 4303 §2.6). */
    NEXT_HEADER,
    /** The decrypted packet is not the packet the rig sent. */
    PLAINTEXT,
    /** Fixed-IV mode: the device's ESP packet differs from the reference's own encryption. */
    CIPHERTEXT,
    /** An IV was used twice under one SA (within the verifier's remembered window). */
    IV_REUSE,
    /** A sequence number did not exceed the SA's previous one: reused or going backwards (RFC 4303 §3.3.3). */
    SEQUENCE_ORDER,
    /** A length does not add up: IPv4 total length, ESP too short, ciphertext not block-aligned (RFC 4303 §2.4). */
    LENGTH,
    /** Not a parseable IPv4 ESP packet: version, header length, protocol, checksum, fragment. */
    MALFORMED
}
