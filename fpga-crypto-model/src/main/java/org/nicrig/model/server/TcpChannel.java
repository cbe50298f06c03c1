package org.nicrig.model.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** The device end of one host's TCP connection (the way ser2net exposes a bench UART). */
public final class TcpChannel implements ByteChannel {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String name;
    private volatile boolean closed;

    public TcpChannel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true); // frames are small and answered one by one
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.name = "tcp:" + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort()
                + " from " + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            return in.read(buf, off, len);
        } catch (IOException e) {
            if (closed) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell the peer
        }
    }
}
