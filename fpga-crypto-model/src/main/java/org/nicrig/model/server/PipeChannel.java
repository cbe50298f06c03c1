package org.nicrig.model.server;

import java.io.IOException;

/** One end of an in-process link: reads one pipe, writes the other. */
public final class PipeChannel implements ByteChannel {
    private final String name;
    private final BytePipe in;
    private final BytePipe out;

    private PipeChannel(String name, BytePipe in, BytePipe out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** Two connected ends: [0] for the device, [1] for the host. Closing either closes both. */
    public static PipeChannel[] pair(String name) {
        BytePipe toDevice = new BytePipe(64 * 1024);
        BytePipe toHost = new BytePipe(64 * 1024);
        return new PipeChannel[] {new PipeChannel(name, toDevice, toHost), new PipeChannel(name, toHost, toDevice)};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        return in.read(buf, off, len);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }
}
