package org.nicrig.model.server;

import java.io.IOException;

/** The device side of a byte stream to the host: a pipe, a serial port, a TCP connection. */
public interface ByteChannel extends AutoCloseable {
    /** For messages: "pty /dev/pts/4", "tcp 127.0.0.1:4001". */
    String name();

    /** Blocks for at least one byte; -1 when the channel is closed. */
    int read(byte[] buf, int off, int len) throws IOException;

    void write(byte[] buf, int off, int len) throws IOException;

    @Override
    void close();
}
