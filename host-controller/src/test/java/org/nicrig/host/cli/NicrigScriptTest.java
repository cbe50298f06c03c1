package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./nicrig wrapper as a user runs it: a separate process, from the repository root and from
 * elsewhere. It may build first (when a source is newer than the last build), hence mvn on the PATH.
 */
class NicrigScriptTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve("nicrig");

    @BeforeAll
    static void needsMaven() {
        boolean mvn = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            mvn |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"));
        }
        assumeTrue(mvn, "mvn is not on the PATH: the wrapper cannot build, so it is not tested here");
    }

    private record Ran(int status, String out, String err) {
    }

    private static Ran run(Path cwd, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path out = Files.createTempFile("nicrig-out", ".txt");
        Path err = Files.createTempFile("nicrig-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) { // a generous bound in case it has to build
                p.destroyForcibly();
                throw new AssertionError("./nicrig did not finish: " + Files.readString(err));
            }
            return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void validatesAShippedPlanFromTheRepositoryRoot() throws Exception {
        Ran r = run(ROOT, "validate", "test-plans/smoke.yaml");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("1 file valid\n");
    }

    @Test
    void keepsTheCallersDirectoryForRelativePaths(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "name: x\nsteps: [{type: wait, name: w, duration: 1s}]\n");
        Ran r = run(dir, "validate", "mine.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        // the file was found (relative to the caller's directory) and read: its own error is reported
        assertThat(r.err()).startsWith("mine.yaml:1:1: missing required key 'timeout'");
    }
}
