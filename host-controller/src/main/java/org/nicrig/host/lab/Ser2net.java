package org.nicrig.host.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * ser2net (4.x) serving one serial device as a raw TCP port on 127.0.0.1, the way a lab exposes
 * a bench UART to the network (labgrid does the same). Pair it with a {@link PtyPair} to have a
 * TCP client at one end of a "cable" and a serial port at the other:
 *
 * <pre>{@code
 * try (PtyPair pty = PtyPair.start(); Ser2net net = Ser2net.serve(pty.a(), Duration.ofSeconds(10))) {
 *     Transport host = Transports.open(net.uri());   // tcp://127.0.0.1:PORT
 *     Transport device = Transports.open(pty.uriB());
 * }
 * }</pre>
 *
 * ser2net must be installed ({@code scripts/test} installs it). UUCP lock files are off
 * ({@code -u}) so nothing is written outside the temporary directory.
 */
public final class Ser2net implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private Ser2net(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts ser2net for {@code device} at 921600 8N1 and waits until it accepts connections. */
    public static Ser2net serve(Path device, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("nicrig-ser2net-");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            int port = freePort();
            Path config = Files.writeString(dir.resolve("ser2net.yaml"), String.join("\n",
                    "connection: &nicrig",
                    "  accepter: tcp,127.0.0.1," + port,
                    "  connector: serialdev," + device + ",921600n81,local",
                    ""));
            Path log = dir.resolve("ser2net.log");
            Process p;
            try {
                p = new ProcessBuilder("ser2net", "-n", "-u", "-c", config.toString(),
                        "-P", dir.resolve("ser2net.pid").toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new IOException("cannot start ser2net (is it installed? scripts/test installs it): "
                        + e.getMessage(), e);
            }
            Ser2net s = new Ser2net(p, dir, port);
            try {
                s.awaitListening(timeout, log);
                return s;
            } catch (IOException e) {
                s.stop();
                last = e;
            }
        }
        deleteDir(dir);
        throw last;
    }

    private void awaitListening(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("ser2net exited with status " + process.exitValue() + "; it said: "
                        + Files.readString(log).strip());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("ser2net did not listen on port " + port + " within "
                            + timeout.toMillis() + " ms; it said: " + Files.readString(log).strip(), notYet);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for ser2net", e);
            }
        }
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
        deleteDir(dir);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteDir(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
