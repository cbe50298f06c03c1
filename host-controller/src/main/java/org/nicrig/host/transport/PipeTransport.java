package org.nicrig.host.transport;

import java.io.IOException;
import org.nicrig.model.server.PipeChannel;

/**
 * The host end of an in-process byte link to a device model. It is still a byte stream: the
 * session above frames and decodes exactly as it does for a serial port.
 */
public final class PipeTransport implements Transport {
    private final String name;
    private final PipeChannel channel;
    private volatile boolean opened;
    private volatile boolean closedLocally;

    public PipeTransport(String name, PipeChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open() throws TransportException {
        if (opened || closedLocally) {
            throw new IllegalStateException(name + ": already opened or closed");
        }
        opened = true;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        checkOpened();
        if (len == 0) {
            return 0;
        }
        try {
            int n = channel.read(buf, off, len);
            if (n < 0) {
                if (closedLocally) {
                    return -1;
                }
                throw new TransportException(name, TransportException.Reason.CLOSED, "device closed the link");
            }
            return n;
        } catch (IOException e) {
            if (closedLocally) {
                return -1;
            }
            throw new TransportException(name, TransportException.Reason.IO, e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        checkOpened();
        try {
            channel.write(buf, off, len);
        } catch (IOException e) {
            throw new TransportException(name, TransportException.Reason.CLOSED, "link closed", e);
        }
    }

    private void checkOpened() {
        if (!opened) {
            throw new IllegalStateException(name + ": not opened");
        }
    }

    @Override
    public void close() {
        closedLocally = true;
        channel.close();
    }

    @Override
    public boolean isOpen() {
        return opened && !closedLocally;
    }
}
