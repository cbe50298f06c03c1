package org.nicrig.protocol.message;

/**
 * ESP encryption transforms. Wire form: the IKEv2 transform id (IANA "Transform Type 1")
 * and the key length in bits, so a firmware engineer recognises them.
 */
public enum Cipher {
    /** RFC 2405. Key 64 bits (56 effective), block and IV 8 bytes. */
    DES_CBC(2, 64, 8, 8, 0, false),
    /** RFC 2451. Key 192 bits, block and IV 8 bytes. */
    TRIPLE_DES_CBC(3, 192, 8, 8, 0, false),
    /** RFC 3602. Block and IV 16 bytes. */
    AES_128_CBC(12, 128, 16, 16, 0, false),
    AES_256_CBC(12, 256, 16, 16, 0, false),
    /** RFC 4106 with a 16-byte ICV: 8-byte explicit IV, 4-byte salt appended to the key (KEYMAT). */
    AES_128_GCM_16(20, 128, 4, 8, 4, true),
    AES_256_GCM_16(20, 256, 4, 8, 4, true);

    private final int transformId;
    private final int keyBits;
    private final int blockSize;
    private final int ivLength;
    private final int saltLength;
    private final boolean aead;

    Cipher(int transformId, int keyBits, int blockSize, int ivLength, int saltLength, boolean aead) {
        this.transformId = transformId;
        this.keyBits = keyBits;
        this.blockSize = blockSize;
        this.ivLength = ivLength;
        this.saltLength = saltLength;
        this.aead = aead;
    }

    public int transformId() { return transformId; }
    public int keyBits() { return keyBits; }
    /** Padding boundary for ESP (RFC 4303 §2.4): the cipher block, or 4 for a stream/AEAD mode. */
    public int blockSize() { return blockSize; }
    public int ivLength() { return ivLength; }
    public int saltLength() { return saltLength; }
    /** Key material length in bytes as an SA carries it (key plus salt for GCM). */
    public int keyMaterialLength() { return keyBits / 8 + saltLength; }
    public boolean isAead() { return aead; }
    /** Length of the ICV this cipher itself produces (AEAD), else 0. */
    public int aeadIcvLength() { return aead ? 16 : 0; }

    public static Cipher fromWire(int transformId, int keyBits) {
        for (Cipher c : values()) {
            if (c.transformId == transformId && c.keyBits == keyBits) {
                return c;
            }
        }
        return null;
    }
}
