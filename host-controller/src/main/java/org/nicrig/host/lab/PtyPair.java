package org.nicrig.host.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two pseudo-terminals joined back to back by socat, standing in for a serial cable in tests:
 * bytes written to {@link #a()} come out of {@link #b()} and the other way round.
 *
 * <pre>{@code
 * try (PtyPair pty = PtyPair.start()) {
 *     Transport host = Transports.open(pty.uriA());
 *     Transport device = Transports.open(pty.uriB());
 * }
 * }</pre>
 *
 * Runs {@code socat -d -d pty,raw,echo=0,link=DIR/a pty,raw,echo=0,link=DIR/b} in a fresh
 * temporary directory and waits until socat reports its transfer loop running. {@link #close()}
 * kills socat (forcibly if it lingers) and deletes the directory; a JVM shutdown hook does the
 * same if a test forgets. socat must be on the PATH ({@code scripts/test} installs it).
 */
public final class PtyPair implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(10);
    private static final String READY = "starting data transfer loop";

    private final Process socat;
    private final Path dir;
    private final Thread shutdownHook;

    private PtyPair(Process socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
        this.shutdownHook = new Thread(() -> {
            socat.destroyForcibly();
            try {
                deleteTree(dir);
            } catch (UncheckedIOException ignored) {
                // best effort while the JVM exits
            }
        }, "PtyPair cleanup " + dir);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static PtyPair start() throws IOException {
        return start(DEFAULT_START_TIMEOUT);
    }

    /** Starts socat and waits at most {@code timeout} for both links; fails saying what socat said. */
    public static PtyPair start(Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("nicrig-pty-");
        Path log = dir.resolve("socat.log");
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,link=" + dir.resolve("a"),
                    "pty,raw,echo=0,link=" + dir.resolve("b"))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            deleteTree(dir);
            throw new IOException("cannot start socat (is it installed? scripts/test installs it): " + e.getMessage(), e);
        }
        PtyPair pair = new PtyPair(p, dir);
        try {
            pair.awaitReady(timeout, log);
            return pair;
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String said = Files.exists(log) ? Files.readString(log) : "";
            if (said.contains(READY) && Files.exists(a()) && Files.exists(b())) {
                return;
            }
            if (!socat.isAlive()) {
                throw new IOException("socat exited with status " + socat.exitValue() + " before the ptys were ready; it said: " + said.strip());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("socat did not create " + a() + " and " + b() + " within " + timeout.toMillis()
                        + " ms; it said: " + said.strip());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
    }

    /** One end: a symbolic link to a /dev/pts/N. */
    public Path a() {
        return dir.resolve("a");
    }

    /** The other end. */
    public Path b() {
        return dir.resolve("b");
    }

    /** {@code serial:} URI of end a, with extra {@code params} such as {@code "readTimeout=200ms"}. */
    public String uriA(String... params) {
        return uri(a(), params);
    }

    public String uriB(String... params) {
        return uri(b(), params);
    }

    /** The temporary directory holding the links and socat's log; removed on close. */
    public Path dir() {
        return dir;
    }

    public long pid() {
        return socat.pid();
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /**
     * Kills socat now, as a device that vanishes would: the pty masters close and the ends see
     * EIO. Waits until it has exited. The links may be left dangling; {@link #close()} removes them.
     */
    public void kill() {
        socat.destroyForcibly();
        try {
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("socat (pid " + socat.pid() + ") did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socat.destroy(); // SIGTERM: socat removes its links itself
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } finally {
            deleteTree(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or will run; nothing to undo
            }
        }
    }

    private static String uri(Path end, String... params) {
        return "serial:" + end + (params.length == 0 ? "" : "?" + String.join("&", params));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
