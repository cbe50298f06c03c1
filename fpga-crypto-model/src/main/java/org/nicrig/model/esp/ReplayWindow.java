package org.nicrig.model.esp;

/**
 * Inbound anti-replay state of one SA (RFC 4303 §3.4.3 and Appendix A), with extended sequence
 * number inference (Appendix A2). Check and update are separate on purpose: a packet is checked
 * before its ICV is verified and the window is updated only after the ICV passed (§3.4.3), so a
 * forged packet cannot move the window.
 *
 * <p>The bitmap is the ring of RFC 6479: a power-of-two number of 64-bit words, at least one word
 * more than the window, indexed by sequence number modulo its size; advancing the top clears the
 * words it passes, so advancing costs at most one pass over the ring and usually one word, however
 * large the window (up to 65535 packets).
 *
 * <p>Sequence numbers are unsigned 64-bit values held in {@code long}s. Sequence number 0 is
 * never sent (the sender's first is 1, §3.3.3), so the fresh window treats it as already seen.
 */
final class ReplayWindow {
    /** RFC 4303 §3.4.3: 64 is the recommended default; the device never goes below it. */
    static final int MIN_SIZE = 64;

    private final int size;
    private final boolean esn;
    private final boolean enabled;
    private final long[] ring;
    private final int ringMask;
    private long top;

    /**
     * @param configured SaParams.replayWindow: 0 disables the check (ESN inference still runs);
     *                   a positive value below {@link #MIN_SIZE} is raised to it
     */
    ReplayWindow(int configured, boolean esn) {
        this.enabled = configured > 0;
        this.size = Math.max(MIN_SIZE, configured);
        this.esn = esn;
        int words = Integer.highestOneBit((size + 63) / 64 + 1);
        if (words < (size + 63) / 64 + 1) {
            words <<= 1;
        }
        this.ring = new long[words];
        this.ringMask = words * 64 - 1;
        preset(0);
    }

    int size() {
        return size;
    }

    boolean enabled() {
        return enabled;
    }

    /** The highest sequence number accepted so far. */
    long top() {
        return top;
    }

    /** Sets the top as if {@code highest} had just been received, with nothing else in the window. */
    void preset(long highest) {
        java.util.Arrays.fill(ring, 0L);
        top = highest;
        setBit(highest);
    }

    /**
     * The high-order 32 bits of the full sequence number of a packet carrying {@code low} (RFC 4303
     * Appendix A2.2): inferred from the window's top for ESN, always 0 without ESN. Returns -1 when
     * the inference leaves the 64-bit space (high bits below 0: a packet from before the SA's first
     * sequence number; or above 2^32 - 1: after its last), which the caller refuses.
     */
    long inferHigh(int low) {
        if (!esn) {
            return 0;
        }
        long seqLow = low & 0xFFFF_FFFFL;
        long tl = top & 0xFFFF_FFFFL;
        long th = top >>> 32;
        long bottomLow = (tl - size + 1) & 0xFFFF_FFFFL;
        if (tl >= size - 1) {
            // Case A: the window lies within one 2^32 block
            return seqLow >= bottomLow ? th : (th == 0xFFFF_FFFFL ? -1 : th + 1);
        }
        // Case B: the window spans two blocks
        if (seqLow >= bottomLow) {
            return th - 1; // -1 when th == 0: before the first block
        }
        return th;
    }

    /**
     * Whether {@code seq} may be accepted: right of the top, or inside the window and not yet seen.
     * With {@code offByOne} the check has the defect REPLAY_WINDOW_OFF_BY_ONE: the number exactly
     * one left of the window passes.
     */
    Verdict check(long seq, boolean offByOne) {
        if (!enabled) {
            return Verdict.FRESH;
        }
        if (Long.compareUnsigned(seq, top) > 0) {
            return Verdict.FRESH;
        }
        long behind = top - seq;
        if (offByOne ? Long.compareUnsigned(behind, size) > 0 : Long.compareUnsigned(behind, size) >= 0) {
            return Verdict.TOO_OLD;
        }
        if (behind >= size) {
            return Verdict.FRESH; // the defect's extra number: it has no bit, so it is never "seen"
        }
        return isSet(seq) ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /** Records {@code seq} as received; call only once its ICV has passed. */
    void update(long seq) {
        if (Long.compareUnsigned(seq, top) > 0) {
            long oldWord = top >>> 6;
            long newWord = seq >>> 6;
            long clear = Math.min(newWord - oldWord, ring.length); // unsigned difference, < 2^58
            for (long i = 1; i <= clear; i++) {
                ring[(int) ((oldWord + i) & (ring.length - 1))] = 0L;
            }
            top = seq;
        } else if (Long.compareUnsigned(top - seq, size) >= 0) {
            return; // left of the window (the off-by-one defect, or anti-replay off): it has no bit
        }
        setBit(seq);
    }

    private boolean isSet(long seq) {
        int bit = (int) (seq & ringMask);
        return (ring[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    private void setBit(long seq) {
        int bit = (int) (seq & ringMask);
        ring[bit >>> 6] |= 1L << (bit & 63);
    }

    enum Verdict { FRESH, DUPLICATE, TOO_OLD }
}
