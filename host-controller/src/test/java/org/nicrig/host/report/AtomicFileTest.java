package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A report is never half written: a writer that fails mid-way leaves no file and no temp file. */
class AtomicFileTest {
    @TempDir
    Path dir;

    /** Passes {@code limit} bytes on, then fails as a full disk would. */
    private static final class FailingAfter extends FilterOutputStream {
        private int left;

        FailingAfter(OutputStream out, int limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("injected: no space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    private interface Writer {
        void write(RunReport r, OutputStream out) throws IOException;
    }

    private static Writer writer(String name) {
        return switch (name) {
            case "junit.xml" -> JUnitXmlWriter::write;
            case "summary.json" -> JsonSummaryWriter::write;
            case "report.html" -> HtmlReportWriter::write;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"junit.xml", "summary.json", "report.html"})
    void aWriterFailingMidwayLeavesNothing(String name) throws Exception {
        RunReport r = SampleRun.standard().report(dir.resolve("run"));
        Path target = dir.resolve(name);
        Writer w = writer(name);
        // more than the 64 KiB buffer would hide, so the failure hits while bytes are reaching the file
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            for (int i = 0; i < 40; i++) {
                w.write(r, out);
            }
            new FailingAfter(out, 0).write('x');
        })).isInstanceOf(IOException.class).hasMessageContaining("injected");
        assertThat(files()).containsExactly("run");

        assertThatThrownBy(() -> AtomicFile.write(target, out -> w.write(r, new FailingAfter(out, 300))))
                .hasMessageContaining("injected");
        assertThat(files()).containsExactly("run");
    }

    @Test
    void aFailedRewriteKeepsThePreviousFileWhole() throws Exception {
        Path target = dir.resolve("summary.json");
        AtomicFile.write(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("new and half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("injected bug in a writer");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(files()).containsExactly("summary.json");
    }

    @Test
    void aWrittenFileIsCompleteReadableByOthersAndAlone() throws Exception {
        Path target = dir.resolve("sub").resolve("x.txt");
        AtomicFile.write(target, out -> {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.close(); // a body closing the stream does not break the write
        });
        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.toList()).containsExactly(target);
        }
    }

    @Test
    void writeAllWritesTheThreeReportsAndNothingElse() throws Exception {
        RunReport r = SampleRun.standard().report(dir.resolve("run"));
        Path out = dir.resolve("out");
        ReportSet.Files written = ReportSet.writeAll(r, out);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("junit.xml", "report.html", "summary.json");
        }
        assertThat(JsonSummaryWriter.read(written.summaryJson())).isEqualTo(r);
        assertThat(Files.readString(written.html())).contains("failover");
        assertThat(Files.readString(written.junitXml())).contains("<testsuites");
    }
}
