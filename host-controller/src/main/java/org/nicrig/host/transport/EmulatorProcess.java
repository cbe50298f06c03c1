package org.nicrig.host.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.nicrig.host.transport.TransportException.Reason.IO;

/**
 * One {@code fpga-emu} child process: started, awaited until it prints its {@code serving}
 * line, stopped with SIGTERM (forcibly after a grace period) or killed outright. Its stdout and
 * stderr go to files in a directory the caller owns, so a chatty emulator can never block on a
 * full pipe, and a failure to start is reported with what the emulator said on stderr.
 */
final class EmulatorProcess {
    /** FpgaEmu prints {@code PROFILE MAC serving serial:/PATH} once the device listens. */
    private static final String SERVING = " serving ";
    private static final Duration POLL = Duration.ofMillis(10);
    /** Longest excerpt of the emulator's stderr put into an error message. */
    private static final int MAX_SAID = 600;

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private EmulatorProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts the emulator and waits for its serving line.
     *
     * @param name  the transport's name, for messages
     * @param logs  where stdout and stderr go (kept until the caller removes the directory)
     * @throws TransportException IO if the process cannot start, exits, or stays silent past the
     *                            command's start timeout; the message carries its stderr
     */
    static EmulatorProcess start(String name, EmulatorCommand command, List<String> args, Path logs)
            throws TransportException {
        Path out = logs.resolve("emulator.out");
        Path err = logs.resolve("emulator.err");
        Process p;
        try {
            p = new ProcessBuilder(command.line(args))
                    .redirectInput(ProcessBuilder.Redirect.PIPE) // held open: see EmulatorChild
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new TransportException(name, IO, "cannot start the emulator process (" + command.java() + "): "
                    + e.getMessage(), e);
        }
        EmulatorProcess emu = new EmulatorProcess(name, p, out, err);
        try {
            emu.awaitServing(command.startTimeout());
            return emu;
        } catch (TransportException | RuntimeException e) {
            emu.kill();
            throw e;
        }
    }

    private void awaitServing(Duration timeout) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (read(stdout).lines().anyMatch(l -> l.contains(SERVING))) {
                return;
            }
            if (!process.isAlive()) {
                throw new TransportException(name, IO, "the emulator process exited with status " + process.exitValue()
                        + " before serving; it said: " + said());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TransportException(name, IO, "the emulator process (pid " + process.pid()
                        + ") did not report serving within " + timeout.toMillis() + " ms; it said: " + said());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(name, IO, "interrupted while the emulator was starting", e);
            }
        }
    }

    /**
     * What the emulator wrote to stderr, for a message: its own {@code fpga-emu:} error lines if
     * there are any, else the last lines, shortened; "nothing" when it wrote nothing.
     */
    String said() {
        List<String> lines = read(stderr).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> own = lines.stream().filter(l -> l.startsWith("fpga-emu:")).toList();
        String text = String.join(" | ", own.isEmpty() ? lines.subList(Math.max(0, lines.size() - 3), lines.size()) : own);
        if (text.isEmpty()) {
            return "nothing on stderr";
        }
        return text.length() <= MAX_SAID ? text : "..." + text.substring(text.length() - MAX_SAID);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process has exited (a dead process frees its pty at once). */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM (fpga-emu closes its port and exits 0); SIGKILL if it has not exited after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** For a shutdown hook: no waiting. */
    void killNow() {
        process.destroyForcibly();
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
