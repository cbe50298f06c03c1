package org.nicrig.host.verify;

/**
 * The last {@code capacity} IVs one SA used, as an exact set, for the IV_REUSE check.
 *
 * <p>Why this shape. Memory must stay bounded however long a run is, and a verdict must never be
 * wrong: a Bloom filter would cover all history in fixed memory but would sometimes report a reuse
 * that did not happen, which a test verdict cannot afford. An exact window over the most recent N
 * IVs has no false positives and costs N × (IV length + 8) bytes; its price is that a repeat more
 * than N packets apart goes unseen. Bad IV generators (a stuck or short-cycling counter, an RNG
 * reseeded to the same state after a reset or fail-over) repeat within a short distance, which is
 * what a window catches. {@link #observed()} and {@link #repeats()} let a report say how much
 * history the check covered.
 *
 * <p>Storage is a ring of packed IVs (oldest overwritten first) indexed by an open-addressing hash
 * table of ring slots, with backward-shift deletion on eviction, so no per-packet objects are
 * kept. Not thread-safe: its {@link SaVerifier} serialises access.
 */
final class IvHistory {
    private final int capacity;
    private final int ivLength;
    private final int words;
    private final long[] ring;
    private final int[] table;
    private final int mask;
    private int size;
    private int next;
    private long observed;
    private long repeats;

    IvHistory(int capacity, int ivLength) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("IV window must be 1..16777216: " + capacity);
        }
        if (ivLength < 1) {
            throw new IllegalArgumentException("IV length must be positive: " + ivLength);
        }
        this.capacity = capacity;
        this.ivLength = ivLength;
        this.words = (ivLength + 7) / 8;
        this.ring = new long[capacity * words];
        // load factor at most 1/2 keeps linear probes short
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.table = new int[Math.max(tableSize, 2)];
        this.mask = table.length - 1;
    }

    int capacity() {
        return capacity;
    }

    long observed() {
        return observed;
    }

    long repeats() {
        return repeats;
    }

    /** Records {@code iv}; true if it was already among the last {@code capacity} IVs recorded. */
    boolean seenBefore(byte[] iv) {
        if (iv.length != ivLength) {
            throw new IllegalArgumentException("IV length " + iv.length + ", SA uses " + ivLength);
        }
        observed++;
        long[] key = pack(iv);
        if (find(key) >= 0) {
            repeats++;
            return true;
        }
        if (size == capacity) {
            remove(next);
        } else {
            size++;
        }
        System.arraycopy(key, 0, ring, next * words, words);
        insert(next);
        next = (next + 1) % capacity;
        return false;
    }

    private long[] pack(byte[] iv) {
        long[] key = new long[words];
        for (int i = 0; i < iv.length; i++) {
            key[i / 8] |= (iv[i] & 0xffL) << (56 - 8 * (i % 8));
        }
        return key;
    }

    private int home(long[] key, int base) {
        long h = 0;
        for (int w = 0; w < words; w++) {
            h = (h ^ key[base + w]) * 0x9E37_79B9_7F4A_7C15L;
        }
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private boolean slotEquals(int slot, long[] key) {
        for (int w = 0; w < words; w++) {
            if (ring[slot * words + w] != key[w]) {
                return false;
            }
        }
        return true;
    }

    private int find(long[] key) {
        for (int pos = home(key, 0); table[pos] != 0; pos = (pos + 1) & mask) {
            if (slotEquals(table[pos] - 1, key)) {
                return pos;
            }
        }
        return -1;
    }

    private void insert(int slot) {
        int pos = home(ring, slot * words);
        while (table[pos] != 0) {
            pos = (pos + 1) & mask;
        }
        table[pos] = slot + 1;
    }

    /** Removes ring slot {@code slot} from the table, shifting later probes back (no tombstones). */
    private void remove(int slot) {
        int hole = home(ring, slot * words);
        while (table[hole] != slot + 1) {
            hole = (hole + 1) & mask;
        }
        table[hole] = 0;
        for (int i = (hole + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
            int h = home(ring, (table[i] - 1) * words);
            boolean staysPut = hole <= i ? (h > hole && h <= i) : (h > hole || h <= i);
            if (!staysPut) {
                table[hole] = table[i];
                table[i] = 0;
                hole = i;
            }
        }
    }
}
