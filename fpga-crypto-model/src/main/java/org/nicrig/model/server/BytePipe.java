package org.nicrig.model.server;

import java.io.IOException;

/**
 * A bounded one-way byte pipe between threads of one process. Unlike java.io's piped streams it
 * does not care which threads use it, and closing either end wakes both.
 */
public final class BytePipe {
    private final byte[] ring;
    private int head;   // next byte to read
    private int size;
    private boolean closed;

    public BytePipe(int capacity) {
        ring = new byte[capacity];
    }

    /** Blocks until at least one byte is there; -1 once closed and drained. */
    public synchronized int read(byte[] buf, int off, int len) throws IOException {
        while (size == 0) {
            if (closed) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            }
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            buf[off + i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        notifyAll();
        return n;
    }

    /** Blocks while the pipe is full; fails once closed. */
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (closed) {
                throw new IOException("pipe closed");
            }
            if (size == ring.length) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing");
                }
                continue;
            }
            int n = Math.min(len - done, ring.length - size);
            for (int i = 0; i < n; i++) {
                ring[(head + size + i) % ring.length] = buf[off + done + i];
            }
            size += n;
            done += n;
            notifyAll();
        }
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
