package org.nicrig.model.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** Where the emulator serves a device: {@code serial:/dev/pts/3}, {@code tcp:4001} or {@code tcp:0.0.0.0:4001}. */
sealed interface Endpoint {

    /** A serial port or pty, by path. */
    record Serial(Path path) implements Endpoint {
        @Override
        public String toString() {
            return "serial:" + path;
        }
    }

    /** A TCP port; without a host it binds the loopback address only. */
    record Tcp(String host, int port) implements Endpoint {
        InetSocketAddress address() {
            return new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    String LOOPBACK = "127.0.0.1";

    /** Parses an endpoint; throws IllegalArgumentException saying what was expected. */
    static Endpoint parse(String text) {
        if (text.startsWith("serial:")) {
            return serial(text.substring("serial:".length()));
        }
        if (text.startsWith("tcp:")) {
            return tcp(text.substring("tcp:".length()));
        }
        throw new IllegalArgumentException("unknown endpoint '" + text + "' (expected serial:/PATH or tcp:[HOST:]PORT)");
    }

    static Serial serial(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("serial port '" + path + "' must be an absolute path, e.g. /dev/pts/3");
        }
        return new Serial(Path.of(path));
    }

    static Tcp tcp(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : hostPort.substring(0, colon);
        String port = hostPort.substring(colon + 1);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host in tcp endpoint '" + hostPort + "'");
        }
        return new Tcp(host, port(port, "tcp endpoint '" + hostPort + "'"));
    }

    /** A hub address, {@code udp:HOST:PORT}. */
    static InetSocketAddress udp(String text) {
        if (!text.startsWith("udp:")) {
            throw new IllegalArgumentException("hub address '" + text + "' must look like udp:127.0.0.1:9000");
        }
        String hostPort = text.substring("udp:".length());
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("hub address '" + text + "' needs a host and a port, e.g. udp:127.0.0.1:9000");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port(hostPort.substring(colon + 1), "'" + text + "'"));
    }

    static int port(String text, String where) {
        int p;
        try {
            p = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + text + "' in " + where + " is not a number");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port " + p + " in " + where + " is outside 0..65535");
        }
        return p;
    }
}
