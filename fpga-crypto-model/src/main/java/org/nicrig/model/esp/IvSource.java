package org.nicrig.model.esp;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Where per-packet IVs come from. RFC 3602 §3 requires CBC IVs to be unpredictable and RFC 4106
 * §3.1 GCM IVs to be unique per key, so a real device uses {@link #secure()}; a seeded run uses
 * {@link #seeded(long)} so that the same seed gives the same packets (design invariant 6). A job
 * can also bring its own IV (fixed-IV test mode, see {@link EspProcessor#encrypt}).
 *
 * <p>Implementations need not be thread-safe: the processor calls them under its own lock.
 */
public interface IvSource {

    /** Fills {@code length} bytes of {@code dst} from {@code offset} with the next IV. */
    void next(byte[] dst, int offset, int length);

    /**
     * IVs from the JDK's NIST SP 800-90A DRBG (seeded from the system's entropy source), drawn a
     * few kilobytes at a time. The DRBG rather than the platform default (NativePRNG): at about
     * 2 ns a byte against 20 to 30 it keeps IV generation a small part of a packet's cost.
     */
    static IvSource secure() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        return new Buffered(random);
    }

    /** Reproducible IVs from a seed. Predictable by design: for seeded test runs only. */
    static IvSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (dst, offset, length) -> {
            for (int i = 0; i < length; i++) {
                dst[offset + i] = (byte) random.nextInt(256);
            }
        };
    }

    /** Hands out slices of a buffer refilled from a SecureRandom. */
    final class Buffered implements IvSource {
        private static final int BUFFER = 4096;
        private final SecureRandom random;
        private final byte[] buffer = new byte[BUFFER];
        private int position = BUFFER;

        Buffered(SecureRandom random) {
            this.random = random;
        }

        @Override
        public void next(byte[] dst, int offset, int length) {
            if (length > BUFFER) {
                byte[] big = new byte[length];
                random.nextBytes(big);
                System.arraycopy(big, 0, dst, offset, length);
                return;
            }
            if (position + length > BUFFER) {
                random.nextBytes(buffer);
                position = 0;
            }
            System.arraycopy(buffer, position, dst, offset, length);
            position += length; // each byte is handed out once

        }
    }
}
