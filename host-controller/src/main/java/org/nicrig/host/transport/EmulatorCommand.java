package org.nicrig.host.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start an emulator process: which {@code java}, with which classpath and JVM options,
 * and how long it may take to say it is serving. {@link #current()} reuses this JVM's binary and
 * classpath, which holds fpga-crypto-model and picocli wherever host-controller runs (they are
 * its compile-scope dependencies), so the emulator is the same build as the host that tests it.
 *
 * @param java         the java launcher
 * @param classpath    passed as {@code -cp}
 * @param jvmOptions   put before {@code -cp}
 * @param startTimeout how long to wait for the emulator's "serving" line
 */
public record EmulatorCommand(Path java, String classpath, List<String> jvmOptions, Duration startTimeout) {

    /** A JVM starting under load (two cores shared by a build) takes a few seconds; this is the hang guard. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    /** A device model needs little heap; the serial collector starts fastest and spares the cores. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    public EmulatorCommand {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classpath, "classpath");
        jvmOptions = List.copyOf(jvmOptions);
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("start timeout must be positive: " + startTimeout);
        }
    }

    /** This JVM's java binary and classpath, the default options and start timeout. */
    public static EmulatorCommand current() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return new EmulatorCommand(java, System.getProperty("java.class.path"), DEFAULT_JVM_OPTIONS,
                DEFAULT_START_TIMEOUT);
    }

    public EmulatorCommand withJava(Path other) {
        return new EmulatorCommand(other, classpath, jvmOptions, startTimeout);
    }

    public EmulatorCommand withStartTimeout(Duration timeout) {
        return new EmulatorCommand(java, classpath, jvmOptions, timeout);
    }

    /** The full command line running {@link EmulatorChild} with {@code emulatorArgs}. */
    List<String> line(List<String> emulatorArgs) {
        List<String> line = new ArrayList<>();
        line.add(java.toString());
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(classpath);
        line.add(EmulatorChild.class.getName());
        line.addAll(emulatorArgs);
        return line;
    }
}
