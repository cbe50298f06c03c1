package org.nicrig.model.testing;

import java.util.SplittableRandom;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/** SA fixtures: one SA as both ends install it, keys drawn from a seed (fixtures, not vectors). */
public final class Sas {
    private Sas() {
    }

    /** Outbound [0] and inbound [1] params of the same SA (same SPI and keys). */
    public static SaParams[] pair(Cipher cipher, Integrity integrity, long spi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] enc = bytes(r, cipher.keyMaterialLength());
        byte[] auth = bytes(r, integrity.keyLength());
        return new SaParams[] {
            new SaParams(spi, Direction.OUTBOUND, EspMode.TRANSPORT, cipher, integrity, false, 64, 0, 0,
                    KeyBytes.of(enc), KeyBytes.of(auth)),
            new SaParams(spi, Direction.INBOUND, EspMode.TRANSPORT, cipher, integrity, false, 64, 0, 0,
                    KeyBytes.of(enc), KeyBytes.of(auth)),
        };
    }

    /** AES-128-CBC with HMAC-SHA1-96, which fpga-aes offers. */
    public static SaParams[] aes(long spi, long seed) {
        return pair(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, spi, seed);
    }

    /** 3DES-CBC with HMAC-SHA1-96, which 82559-ipsec offers. */
    public static SaParams[] tripleDes(long spi, long seed) {
        return pair(Cipher.TRIPLE_DES_CBC, Integrity.HMAC_SHA1_96, spi, seed);
    }

    public static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
