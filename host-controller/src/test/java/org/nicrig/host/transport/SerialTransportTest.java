package org.nicrig.host.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.testing.ForeignPortHolder;
import org.nicrig.host.lab.PtyPair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** SerialTransport over real ptys joined by socat; every error comes from the real OS. */
class SerialTransportTest {

    /** Only a guard against a hang; no test measures time. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private PtyPair pty;
    private final List<Transport> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void startSocat() throws IOException {
        pty = PtyPair.start();
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(Transport::close);
        threads.shutdownNow();
        if (pty != null) {
            pty.close();
        }
    }

    private Transport open(String uri) throws TransportException {
        Transport t = Transports.create(uri);
        opened.add(t);
        t.open();
        return t;
    }

    @Test
    void bytesPassBothWaysAndRespectOffsets() throws Exception {
        Transport a = open(pty.uriA());
        Transport b = open(pty.uriB());

        byte[] hello = "..hello from a..".getBytes(StandardCharsets.US_ASCII);
        a.write(hello, 2, 12);
        assertThat(readExactly(b, 12)).isEqualTo("hello from a".getBytes(StandardCharsets.US_ASCII));

        byte[] reply = {0x00, (byte) 0xff, 0x7e, 0x7d, 0x0a, 0x0d}; // raw: no byte is special
        b.write(reply, 0, reply.length);
        byte[] got = new byte[10];
        int n = 0;
        while (n < reply.length) {
            n += a.read(got, 3 + n, reply.length - n);
        }
        assertThat(got).containsExactly(0, 0, 0, 0x00, 0xff, 0x7e, 0x7d, 0x0a, 0x0d, 0);
        assertThat(a.isOpen()).isTrue();
        assertThat(a.name()).isEqualTo("serial:" + pty.a());
    }

    @Test
    void opensAPtyByItsDevPtsPathThoughJSerialCommDoesNotListIt() throws Exception {
        Path pts = pty.b().toRealPath();
        assertThat(pts.toString()).startsWith("/dev/pts/");
        Transport a = open(pty.uriA());
        Transport b = open("serial:" + pts);

        a.write(new byte[] {5, 6}, 0, 2);

        assertThat(readExactly(b, 2)).containsExactly(5, 6);
        assertThat(b.name()).isEqualTo("serial:" + pts);
    }

    @Test
    void sixtyFourKibibytesEachWayAtOnceArriveExactly() throws Exception {
        Transport a = open(pty.uriA());
        Transport b = open(pty.uriB());
        long seed = 0x5EED_A2BL;
        byte[] aToB = Exchange.randomBytes(64 * 1024, seed);
        byte[] bToA = Exchange.randomBytes(64 * 1024, seed + 1);

        byte[][] got = assertTimeoutPreemptively(HANG_GUARD, () -> Exchange.both(threads, a, b, aToB, bToA));

        assertThat(got[0]).as("a to b, content seed %d", seed).isEqualTo(aToB);
        assertThat(got[1]).as("b to a, content seed %d", seed + 1).isEqualTo(bToA);
    }

    @Test
    void settingsFromTheUriReachTheTerminal() throws Exception {
        open(pty.uriA("baud=115200", "databits=7", "parity=even", "stopbits=2", "flow=rtscts"));

        // stty reads the termios the kernel holds for the pty; it takes no lock
        Process stty = new ProcessBuilder("stty", "-a", "-F", pty.a().toRealPath().toString())
                .redirectErrorStream(true).start();
        String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(stty.waitFor()).as(said).isZero();

        assertThat(said).contains("speed 115200 baud");
        // A pty forces CS8 and no parity bit (Linux drivers/tty/pty.c, pty_set_termios), so the
        // 7 data bits and even parity show only in what jSerialComm sets beside them: stripping
        // to 7 bits (istrip) and checking parity on input (inpck).
        assertThat(said.split("[\\s;]+")).contains("cstopb", "crtscts", "istrip", "inpck");
    }

    @Test
    void defaultSettingsAreRaw8N1WithoutFlowControl() throws Exception {
        open(pty.uriA());

        Process stty = new ProcessBuilder("stty", "-a", "-F", pty.a().toRealPath().toString())
                .redirectErrorStream(true).start();
        String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(stty.waitFor()).as(said).isZero();

        assertThat(said).contains("speed 921600 baud");
        assertThat(said.split("[\\s;]+")).contains("cs8", "-parenb", "-cstopb", "-crtscts", "-ixon", "-ixoff",
                "-istrip", "-icanon", "-echo", "-opost");
    }

    @Test
    void missingPortIsNotFoundAndNamesThePath() {
        Path missing = pty.dir().resolve("ttyUSB3");
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> open("serial:" + missing));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("serial:" + missing + ": port does not exist");
    }

    @Test
    void missingPortWhoseNameExistsInDevIsStillNotFound() {
        // jSerialComm alone would turn /some/dir/tty into /dev/tty and open that
        Path missing = pty.dir().resolve("tty");
        TransportException e = catchThrowableOfType(TransportException.class, () -> open("serial:" + missing));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("serial:" + missing + ": port does not exist");
    }

    @Test
    void danglingLinkIsNotFoundAndSaysWhereItPointed() throws Exception {
        Path link = Files.createSymbolicLink(pty.dir().resolve("gone"), Path.of("/dev/pts/nonexistent-9999"));
        TransportException e = catchThrowableOfType(TransportException.class, () -> open("serial:" + link));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo(
                "serial:" + link + ": port does not exist (dangling link to /dev/pts/nonexistent-9999)");
    }

    @Test
    void portHeldByAnotherProcessIsBusyAndNamesTheHolder() throws Exception {
        try (ForeignPortHolder holder = ForeignPortHolder.hold(pty.a(), HANG_GUARD)) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> open(pty.uriA()));

            assertThat(e.reason()).isEqualTo(TransportException.Reason.BUSY);
            assertThat(e.getMessage())
                    .startsWith("serial:" + pty.a() + ": port is busy: locked by another process, pid " + holder.pid())
                    .contains("Resource temporarily unavailable (EAGAIN)");
        }
        // released by the other process: now it opens
        assertThat(open(pty.uriA()).isOpen()).isTrue();
    }

    @Test
    void portOpenedTwiceInThisProcessIsBusy() throws Exception {
        open(pty.uriA());
        Path sameDevice = pty.a().toRealPath(); // the same pty reached by another name

        TransportException e = catchThrowableOfType(TransportException.class, () -> open("serial:" + sameDevice));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.BUSY);
        assertThat(e.getMessage()).isEqualTo("serial:" + sameDevice + ": port is busy: already open in this process");
    }

    @Test
    void closingReleasesThePortForTheNextOpen() throws Exception {
        Transport first = open(pty.uriA());
        first.close();
        assertThat(first.isOpen()).isFalse();

        Transport second = open(pty.uriA());
        Transport b = open(pty.uriB());
        b.write(new byte[] {42}, 0, 1);
        assertThat(readExactly(second, 1)).containsExactly(42);
    }

    @Test
    void unreadableDeviceIsPermissionDenied(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("ttyS9"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("---------")));
        assumeFalse(Files.isReadable(device),
                "this process bypasses file permissions (root or CAP_DAC_OVERRIDE), so mode 000 denies nothing");

        TransportException e = catchThrowableOfType(TransportException.class, () -> open("serial:" + device));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).startsWith("serial:" + device + ": permission denied (----------");
    }

    @Test
    void fileThatIsNotATerminalIsRefusedAsNotASerialDevice(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notatty"), "plain file");
        TransportException e = catchThrowableOfType(TransportException.class, () -> open("serial:" + file));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).startsWith("serial:" + file + ": not a serial device (Inappropriate ioctl for device (ENOTTY)");
    }

    // repeated: whether the read is waiting or just starting when the hang-up lands varies,
    // and the two take different paths through the kernel and jSerialComm
    @RepeatedTest(10)
    void readerBlockedWhenSocatDiesEndsWithClosed() throws Exception {
        Transport a = open(pty.uriA());
        Transport b = open(pty.uriB());
        CountDownLatch firstByteRead = new CountDownLatch(1);
        Future<Integer> reader = threads.submit(() -> {
            byte[] buf = new byte[16];
            a.read(buf, 0, buf.length);
            firstByteRead.countDown();
            return a.read(buf, 0, buf.length); // blocks: nothing more comes
        });
        b.write(new byte[] {1}, 0, 1);
        firstByteRead.await();

        pty.kill();

        Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchThrowableOfType(ExecutionException.class, reader::get)).getCause();
        assertThat(thrown).isInstanceOf(TransportException.class);
        TransportException e = (TransportException) thrown;
        assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED);
        // EIO if the read began after the hang-up, "hung up" if it was already waiting
        assertThat(e.getMessage()).isIn(
                "serial:" + pty.a() + ": port vanished (read: Input/output error (EIO))",
                "serial:" + pty.a() + ": port vanished (read: the device hung up)");
    }

    @Test
    void writingAfterSocatDiesIsClosed() throws Exception {
        Transport a = open(pty.uriA());
        pty.kill();

        assertThatThrownBy(() -> a.write(new byte[] {1, 2, 3}, 0, 3))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED))
                .hasMessage("serial:" + pty.a() + ": port vanished (write: Input/output error (EIO))");
    }

    @Test
    void readerBlockedWhenTheTransportIsClosedGetsMinusOne() throws Exception {
        Transport a = open(pty.uriA());
        Future<Integer> reader = threads.submit(() -> a.read(new byte[16], 0, 16));

        a.close();

        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> reader.get())).isEqualTo(-1);
        assertThat(a.read(new byte[1], 0, 1)).isEqualTo(-1);
        assertThatThrownBy(() -> a.write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED))
                .hasMessage("serial:" + pty.a() + ": transport is closed");
    }

    @Test
    void readTimeoutMakesAQuietReadReturnZero() throws Exception {
        Transport a = open(pty.uriA("readTimeout=200ms"));
        Transport b = open(pty.uriB());

        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> a.read(new byte[4], 0, 4))).isZero();

        b.write(new byte[] {9}, 0, 1);
        assertThat(readExactly(a, 1)).containsExactly(9);
    }

    @Test
    void openTwiceIsAProgrammingError() throws Exception {
        Transport a = open(pty.uriA());
        assertThatThrownBy(a::open).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] readExactly(Transport t, int len) throws TransportException {
        byte[] buf = new byte[len];
        int n = 0;
        while (n < len) {
            int r = t.read(buf, n, len - n); // 0 when a read timeout passed: read on
            assertThat(r).as("read from " + t.name()).isNotNegative();
            n += r;
        }
        return buf;
    }
}
