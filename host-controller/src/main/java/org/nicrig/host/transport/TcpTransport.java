package org.nicrig.host.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static org.nicrig.host.transport.TransportException.Reason.CLOSED;
import static org.nicrig.host.transport.TransportException.Reason.IO;
import static org.nicrig.host.transport.TransportException.Reason.NOT_FOUND;
import static org.nicrig.host.transport.TransportException.Reason.REFUSED;
import static org.nicrig.host.transport.TransportException.Reason.UNREACHABLE;

/**
 * A raw TCP byte stream, such as a ser2net port in raw mode:
 * {@code tcp://rig1:4001?connectTimeout=2s&readTimeout=500ms}. Nagle's algorithm is off
 * (TCP_NODELAY, RFC 896) because frames are small and latency is what the rig measures.
 *
 * <p>The peer closing the connection (FIN) or resetting it makes {@link #read} throw with reason
 * CLOSED, after every byte that arrived before has been returned; see {@link Transport}.
 */
public final class TcpTransport implements Transport {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The URI parameters {@link #fromUri} reads. */
    public static final Set<String> PARAMETERS = Set.of("connectTimeout", "readTimeout");

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String name;
    private final Object writeOrder = new Object();
    private final Object lifecycle = new Object();
    private Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile boolean closed;

    /**
     * @param readTimeout how long {@link #read} waits before returning 0; {@link Duration#ZERO} waits
     *                    until data arrive
     */
    public TcpTransport(String host, int port, Duration connectTimeout, Duration readTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        this.port = port;
        this.connectTimeout = requireMillis(connectTimeout, "connect timeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("read timeout out of range: " + readTimeout);
        }
        this.name = "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** From {@code tcp://HOST:PORT} or {@code tcp://[IPV6]:PORT}, with optional timeouts. */
    public static TcpTransport fromUri(TransportUri uri) throws TransportException {
        String expected = "expected tcp://HOST:PORT (IPv6 in brackets: tcp://[::1]:4001), e.g. tcp://localhost:4001";
        String t = uri.target();
        if (!t.startsWith("//")) {
            throw uri.bad(expected);
        }
        String hostPort = t.substring(2);
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                throw uri.bad(expected);
            }
            host = hostPort.substring(1, close);
            portText = hostPort.substring(close + 2);
        } else {
            int colon = hostPort.indexOf(':');
            if (colon < 0 || colon != hostPort.lastIndexOf(':')) {
                throw uri.bad(expected);
            }
            host = hostPort.substring(0, colon);
            portText = hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || host.contains("/") || host.contains("@")) {
            throw uri.bad(expected);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw uri.bad("port: expected a number from 1 to 65535, found '" + portText + "'");
        }
        uri.requireOnly(PARAMETERS);
        Duration connect = uri.durationParam("connectTimeout", DEFAULT_CONNECT_TIMEOUT);
        if (connect.isZero()) {
            throw uri.bad("parameter connectTimeout: expected a duration above zero, found '0'");
        }
        return new TcpTransport(host, port, connect, uri.durationParam("readTimeout", Duration.ZERO));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open() throws TransportException {
        Socket s = new Socket();
        synchronized (lifecycle) {
            if (closed || socket != null) {
                throw new IllegalStateException(name + ": open() called twice or after close()");
            }
            socket = s; // so that close() during the connect aborts it
        }
        boolean opened = false;
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new TransportException(name, NOT_FOUND, "unknown host '" + host + "'");
            }
            try {
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) readTimeout.toMillis());
                s.connect(address, (int) connectTimeout.toMillis());
                synchronized (lifecycle) {
                    if (!closed) {
                        in = s.getInputStream();
                        out = s.getOutputStream();
                        opened = true;
                    }
                }
            } catch (IOException e) {
                throw closed ? new TransportException(name, CLOSED, "closed while connecting", e) : connectFailure(e);
            }
            if (!opened) {
                throw new TransportException(name, CLOSED, "closed while connecting");
            }
        } finally {
            if (!opened) {
                closeQuietly(s);
                synchronized (lifecycle) {
                    socket = null; // unopened again: the caller may retry
                }
            }
        }
    }

    private TransportException connectFailure(IOException e) {
        String os = String.valueOf(e.getMessage());
        String lower = os.toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException && lower.contains("refused")) {
            return new TransportException(name, REFUSED, "connection refused", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException(name, UNREACHABLE,
                    "no answer within " + connectTimeout.toMillis() + " ms", e);
        }
        if (e instanceof NoRouteToHostException || e instanceof ConnectException || lower.contains("unreachable")) {
            return new TransportException(name, UNREACHABLE, "unreachable (" + os + ")", e);
        }
        return new TransportException(name, IO, "cannot connect (" + os + ")", e);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        InputStream s = stream(in);
        if (closed) {
            return -1;
        }
        try {
            int n = s.read(buf, off, len);
            if (n < 0) {
                if (closed) {
                    return -1;
                }
                throw new TransportException(name, CLOSED, "peer closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            if (closed) {
                return -1;
            }
            throw streamFailure("read", e);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        OutputStream s = stream(out);
        synchronized (writeOrder) {
            if (closed) {
                throw new TransportException(name, CLOSED, "transport is closed");
            }
            try {
                s.write(buf, off, len);
            } catch (IOException e) {
                if (closed) {
                    throw new TransportException(name, CLOSED, "transport is closed", e);
                }
                throw streamFailure("write", e);
            }
        }
    }

    private <T> T stream(T s) {
        if (s == null && !closed) {
            throw new IllegalStateException(name + ": not open");
        }
        return s;
    }

    private TransportException streamFailure(String op, IOException e) {
        String os = String.valueOf(e.getMessage());
        String lower = os.toLowerCase(Locale.ROOT);
        // ECONNRESET and EPIPE: the peer went away; Java names them in the message only
        if (e instanceof SocketException && (lower.contains("reset") || lower.contains("broken pipe")
                || lower.contains("closed"))) {
            return new TransportException(name, CLOSED, "peer closed the connection (" + op + ": " + os + ")", e);
        }
        return new TransportException(name, IO, op + " failed: " + os, e);
    }

    @Override
    public void close() {
        Socket s;
        synchronized (lifecycle) {
            closed = true;
            s = socket;
        }
        // closing the socket wakes a blocked reader with a SocketException, reported as -1
        closeQuietly(s);
    }

    @Override
    public boolean isOpen() {
        return out != null && !closed;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private static Duration requireMillis(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " out of range: " + d);
        }
        return d;
    }
}
