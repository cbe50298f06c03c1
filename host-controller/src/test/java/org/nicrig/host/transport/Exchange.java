package org.nicrig.host.transport;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Test helper: pushes data both ways through two joined transports at the same time. */
final class Exchange {

    private Exchange() {
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * Writes {@code aToB} into a and {@code bToA} into b, each in one call, while two other threads
     * read; returns {what b received, what a received}. Reading and writing at once on both ends is
     * what keeps the pty buffers from filling and deadlocking the writers.
     */
    static byte[][] both(ExecutorService threads, Transport a, Transport b, byte[] aToB, byte[] bToA) throws Exception {
        Future<byte[]> atB = threads.submit(() -> readFully(b, aToB.length));
        Future<byte[]> atA = threads.submit(() -> readFully(a, bToA.length));
        Future<?> writeA = threads.submit(() -> {
            a.write(aToB, 0, aToB.length);
            return null;
        });
        Future<?> writeB = threads.submit(() -> {
            b.write(bToA, 0, bToA.length);
            return null;
        });
        writeA.get();
        writeB.get();
        return new byte[][] {atB.get(), atA.get()};
    }

    static byte[] readFully(Transport t, int len) throws TransportException {
        byte[] buf = new byte[len];
        int n = 0;
        while (n < len) {
            int r = t.read(buf, n, len - n);
            if (r < 0) {
                throw new IllegalStateException(t.name() + " closed after " + n + " of " + len + " bytes");
            }
            n += r;
        }
        return buf;
    }
}
