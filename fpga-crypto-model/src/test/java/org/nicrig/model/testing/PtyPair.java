package org.nicrig.model.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two ptys joined by socat, as a null-modem cable: {@code socat -d -d pty,raw,echo=0,link=DIR/a
 * pty,raw,echo=0,link=DIR/b}. (host-controller has the same fixture; this module cannot see its
 * tests.) {@link #close()} kills socat and removes the directory; a shutdown hook does it if a
 * test dies first. socat must be installed (scripts/test installs it).
 */
public final class PtyPair implements AutoCloseable {
    private static final String READY = "starting data transfer loop";

    private final Process socat;
    private final Path dir;
    private final Thread hook;

    private PtyPair(Process socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
        this.hook = new Thread(() -> {
            socat.destroyForcibly();
            deleteTree(dir);
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static PtyPair start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("model-pty-");
        Path log = dir.resolve("socat.log");
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + dir.resolve("a"), "pty,raw,echo=0,link=" + dir.resolve("b"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PtyPair pair = new PtyPair(p, dir);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(READY) && Files.exists(pair.a()) && Files.exists(pair.b()))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String said = Files.exists(log) ? Files.readString(log) : "";
                pair.close();
                throw new IOException("socat did not make the ptys: " + said.strip());
            }
            Thread.sleep(10);
        }
        return pair;
    }

    /** One end (a link to /dev/pts/N). */
    public Path a() {
        return dir.resolve("a");
    }

    public Path b() {
        return dir.resolve("b");
    }

    public long pid() {
        return socat.pid();
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
        deleteTree(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
