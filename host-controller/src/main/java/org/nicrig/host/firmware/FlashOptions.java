package org.nicrig.host.firmware;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link FirmwareFlasher} goes about it.
 *
 * @param precheck        parse the image and match its target against IDENTIFY before sending
 *                        anything (off: send it as it is, to prove the device's own checks)
 * @param chunkSize       the largest FW_CHUNK data; 0 for as much as the device's maxPayload allows
 * @param chunkRetries    how often a chunk whose acknowledgement did not come is sent again (the
 *                        device ACKs a repeated identical chunk, PROTOCOL.md §5.21)
 * @param rebootTimeout   how long to wait for the RESET event after FW_ACTIVATE
 * @param slowStepTimeout how long FW_BEGIN and FW_COMMIT may take: a real device erases a flash
 *                        slot at the one and checks a signature over the whole image at the other,
 *                        which can take seconds where other requests take milliseconds
 * @param announcedDigest for tests of the device's digest check only: the digest FW_BEGIN announces
 *                        instead of the image's SHA-256
 */
public record FlashOptions(boolean precheck, int chunkSize, int chunkRetries, Duration rebootTimeout,
                           Duration slowStepTimeout, Optional<byte[]> announcedDigest) {

    public static final FlashOptions DEFAULT = new FlashOptions(true, 0, 3, Duration.ofSeconds(10), Duration.ofSeconds(30),
            Optional.empty());

    public FlashOptions {
        if (chunkSize < 0 || chunkRetries < 0 || rebootTimeout.isNegative() || rebootTimeout.isZero()
                || slowStepTimeout.isNegative() || slowStepTimeout.isZero()) {
            throw new IllegalArgumentException("chunkSize >= 0, chunkRetries >= 0, rebootTimeout > 0, slowStepTimeout > 0");
        }
        announcedDigest = announcedDigest.map(byte[]::clone);
    }

    public FlashOptions withPrecheck(boolean on) {
        return new FlashOptions(on, chunkSize, chunkRetries, rebootTimeout, slowStepTimeout, announcedDigest);
    }

    public FlashOptions withChunkSize(int bytes) {
        return new FlashOptions(precheck, bytes, chunkRetries, rebootTimeout, slowStepTimeout, announcedDigest);
    }

    public FlashOptions withChunkRetries(int n) {
        return new FlashOptions(precheck, chunkSize, n, rebootTimeout, slowStepTimeout, announcedDigest);
    }

    public FlashOptions withRebootTimeout(Duration d) {
        return new FlashOptions(precheck, chunkSize, chunkRetries, d, slowStepTimeout, announcedDigest);
    }

    public FlashOptions withSlowStepTimeout(Duration d) {
        return new FlashOptions(precheck, chunkSize, chunkRetries, rebootTimeout, d, announcedDigest);
    }

    /** FW_BEGIN announces {@code digest} instead of the image's: only to prove the device checks it. */
    public FlashOptions announcing(byte[] digest) {
        return new FlashOptions(precheck, chunkSize, chunkRetries, rebootTimeout, slowStepTimeout, Optional.of(digest));
    }
}
