package org.nicrig.model.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.nicrig.model.device.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one device on a TCP port, one host connection at a time: a device has one host, as a
 * serial line does. A second connection while one is served is closed at once (the host reads
 * end-of-stream). When the host goes (or UNPLUG closes the connection) the next connection is
 * served; the device and its state stay, as a NIC stays powered when its cable is pulled.
 */
public final class TcpDeviceListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpDeviceListener.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Device device;
    private final ServerSocket listener;
    private final Thread acceptor;
    private volatile DeviceServer current;
    private volatile boolean running = true;

    private TcpDeviceListener(Device device, ServerSocket listener) {
        this.device = device;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "tcp-listener " + name());
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0: any free port) and serves {@code device}.
     *
     * @throws IOException one line naming the address and why (e.g. address already in use)
     */
    public static TcpDeviceListener start(Device device, InetSocketAddress address) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(address);
        } catch (IOException e) {
            s.close();
            throw new IOException("tcp:" + address.getHostString() + ":" + address.getPort() + ": cannot listen: "
                    + e.getMessage().toLowerCase(java.util.Locale.ROOT), e);
        }
        TcpDeviceListener l = new TcpDeviceListener(device, s);
        l.acceptor.start();
        return l;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** {@code tcp:127.0.0.1:4001}. */
    public String name() {
        InetSocketAddress a = address();
        return "tcp:" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public Device device() {
        return device;
    }

    /** The server of the connection being served, or null. */
    public DeviceServer current() {
        DeviceServer s = current;
        return s != null && s.isRunning() ? s : null;
    }

    private void acceptLoop() {
        while (running) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{}: accept failed: {}", name(), e.getMessage());
                }
                return;
            }
            serve(s);
        }
    }

    private void serve(Socket s) {
        if (current() != null) {
            LOG.info("{}: refused {} — already serving {}", name(), s.getRemoteSocketAddress(), current.channel().name());
            closeQuietly(s);
            return;
        }
        try {
            current = new DeviceServer(device, new TcpChannel(s)).start();
            LOG.info("{}: serving {}", name(), current.channel().name());
        } catch (IOException e) {
            LOG.warn("{}: cannot serve {}: {}", name(), s.getRemoteSocketAddress(), e.getMessage());
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // refusing: nothing to tell
        }
    }

    /**
     * Stops listening and closes the connection being served; the device stays open. Returns once
     * the port is free again: the JDK defers closing a socket that a thread is blocked accepting
     * on until that thread wakes, so this waits for the accepting thread to end.
     */
    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        DeviceServer s = current;
        if (s != null) {
            s.close();
        }
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
