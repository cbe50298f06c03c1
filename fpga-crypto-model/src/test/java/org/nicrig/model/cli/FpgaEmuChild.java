package org.nicrig.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * fpga-emu in a JVM of its own, as the process tests start it: the module's classes and the
 * dependency classpath the build writes, stderr to a file, and the first stdout line (the
 * "serving" line) awaited. {@link #close()} kills it and what it started, whatever happened.
 */
final class FpgaEmuChild implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final String firstLine;

    private FpgaEmuChild(Process process, Path stderr, String firstLine) {
        this.process = process;
        this.stderr = stderr;
        this.firstLine = firstLine;
    }

    /** target/classes plus the dependency classpath the build writes before the tests. */
    static String classpath() throws IOException {
        Path listed = Path.of("target", "classpath.txt");
        assertThat(listed).as("written by maven-dependency-plugin at generate-test-resources").exists();
        return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(listed).strip();
    }

    /** Starts {@code fpga-emu args...} and waits (up to 30 s) for its first line of output. */
    static FpgaEmuChild start(Path stderr, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath(), FpgaEmu.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return new FpgaEmuChild(p, stderr, line.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw e;
        }
    }

    String firstLine() {
        return firstLine;
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    /** kill -9: no shutdown hook, no flush, no close. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
