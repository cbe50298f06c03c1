package org.nicrig.protocol.message;

/** ESP integrity transforms: IKEv2 transform ids (IANA "Transform Type 3"). */
public enum Integrity {
    /** Only with an AEAD cipher, whose own tag is the ICV. */
    NONE(0, 0, 0, null),
    /** RFC 2403. */
    HMAC_MD5_96(1, 16, 12, "HmacMD5"),
    /** RFC 2404. */
    HMAC_SHA1_96(2, 20, 12, "HmacSHA1"),
    /** RFC 4868 §2.1. */
    HMAC_SHA2_256_128(12, 32, 16, "HmacSHA256");

    private final int transformId;
    private final int keyLength;
    private final int icvLength;
    private final String jceName;

    Integrity(int transformId, int keyLength, int icvLength, String jceName) {
        this.transformId = transformId;
        this.keyLength = keyLength;
        this.icvLength = icvLength;
        this.jceName = jceName;
    }

    public int transformId() { return transformId; }
    /** Key length in bytes (RFC-specified). */
    public int keyLength() { return keyLength; }
    /** Truncated ICV length in bytes. */
    public int icvLength() { return icvLength; }
    /** The JCE Mac algorithm name, or null for NONE. */
    public String jceName() { return jceName; }

    public static Integrity fromWire(int transformId) {
        for (Integrity i : values()) {
            if (i.transformId == transformId) {
                return i;
            }
        }
        return null;
    }
}
