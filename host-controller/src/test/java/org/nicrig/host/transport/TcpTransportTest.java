package org.nicrig.host.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** TcpTransport against real sockets on the loopback interface. */
class TcpTransportTest {

    /** Only a guard against a hang; no test measures time. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private ServerSocket server;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(server);
    }

    @AfterEach
    void cleanUp() throws Exception {
        threads.shutdownNow();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private String uri(int port, String... params) {
        return "tcp://127.0.0.1:" + port + (params.length == 0 ? "" : "?" + String.join("&", params));
    }

    private Transport connect(String... params) throws TransportException {
        Transport t = Transports.open(uri(server.getLocalPort(), params));
        toClose.add(t);
        return t;
    }

    private Socket accept() throws IOException {
        Socket s = server.accept();
        toClose.add(s);
        return s;
    }

    @Test
    void bytesPassBothWaysWithNagleOff() throws Exception {
        Transport t = connect();
        Socket peer = accept();

        t.write("..ping..".getBytes(StandardCharsets.US_ASCII), 2, 4);
        assertThat(peer.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes(StandardCharsets.US_ASCII));

        peer.getOutputStream().write(new byte[] {0, (byte) 0xff, 0x7e});
        byte[] got = Exchange.readFully(t, 3);
        assertThat(got).containsExactly(0, 0xff, 0x7e);
        assertThat(t.name()).isEqualTo("tcp://127.0.0.1:" + server.getLocalPort());
        assertThat(t.isOpen()).isTrue();
    }

    @Test
    void sixtyFourKibibytesEachWayAtOnceArriveExactly() throws Exception {
        Transport a = connect();
        Socket peerSocket = accept();
        long seed = 0x7C9_64L;
        byte[] toPeer = Exchange.randomBytes(64 * 1024, seed);
        byte[] fromPeer = Exchange.randomBytes(64 * 1024, seed + 1);

        Future<byte[]> peerGot = threads.submit(() -> peerSocket.getInputStream().readNBytes(toPeer.length));
        Future<?> peerSends = threads.submit(() -> {
            peerSocket.getOutputStream().write(fromPeer);
            return null;
        });
        a.write(toPeer, 0, toPeer.length);
        byte[] got = assertTimeoutPreemptively(HANG_GUARD, () -> Exchange.readFully(a, fromPeer.length));
        peerSends.get();

        assertThat(peerGot.get()).as("to peer, content seed %d", seed).isEqualTo(toPeer);
        assertThat(got).as("from peer, content seed %d", seed + 1).isEqualTo(fromPeer);
    }

    @Test
    void nothingListeningIsRefusedAndNamesHostAndPort() throws Exception {
        int port = server.getLocalPort();
        server.close(); // the port was just ours; now nothing listens there

        TransportException e = catchThrowableOfType(TransportException.class, () -> Transports.open(uri(port)));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.REFUSED);
        assertThat(e.getMessage()).isEqualTo("tcp://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void hostThatDoesNotExistIsNotFound() {
        // RFC 6761 §6.4: names under .invalid never resolve
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> Transports.open("tcp://no-such-rig.invalid:4001"));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("tcp://no-such-rig.invalid:4001: unknown host 'no-such-rig.invalid'");
    }

    @Test
    void hostThatNeverAnswersIsUnreachableAfterTheConnectTimeout() throws Exception {
        // A listener whose accept queue is full makes Linux drop further SYNs (net/ipv4/tcp_input.c,
        // tcp_conn_request): the connect gets no answer at all, as with a powered-off rig.
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(full);
        fillAcceptQueue(full);

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> Transports.open(uri(full.getLocalPort(), "connectTimeout=300ms")));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("tcp://127.0.0.1:" + full.getLocalPort() + ": no answer within 300 ms");
    }

    private void fillAcceptQueue(ServerSocket full) throws IOException {
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket();
            toClose.add(s);
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
            } catch (SocketTimeoutException queueFull) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled; cannot stage a silent host here");
    }

    @Test
    void peerClosingMidTransferDeliversWhatItSentThenClosed() throws Exception {
        Transport t = connect();
        Socket peer = accept();
        byte[] sent = Exchange.randomBytes(1000, 42);
        peer.getOutputStream().write(sent);
        peer.close();

        assertThat(Exchange.readFully(t, sent.length)).as("content seed 42").isEqualTo(sent);
        assertThatThrownBy(() -> t.read(new byte[16], 0, 16))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED))
                .hasMessage(t.name() + ": peer closed the connection");
    }

    @Test
    void readerBlockedWhenThePeerResetsEndsWithClosed() throws Exception {
        Transport t = connect();
        Socket peer = accept();
        Future<Integer> reader = threads.submit(() -> t.read(new byte[16], 0, 16));

        peer.setSoLinger(true, 0); // close with RST: a peer that crashed rather than said goodbye
        peer.close();

        Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchThrowableOfType(ExecutionException.class, reader::get)).getCause();
        assertThat(thrown).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED));
        assertThat(thrown.getMessage()).startsWith(t.name() + ": peer closed the connection");
    }

    @Test
    void writingToAVanishedPeerEndsWithClosed() throws Exception {
        Transport t = connect();
        Socket peer = accept();
        peer.setSoLinger(true, 0);
        peer.close();

        // the first writes may still land in the send buffer; one soon meets the reset
        TransportException e = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(TransportException.class, () -> {
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 10_000; i++) {
                t.write(chunk, 0, chunk.length);
            }
        }));
        assertThat(e).as("a write failed").isNotNull();
        assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED);
        assertThat(e.getMessage()).startsWith(t.name() + ": peer closed the connection (write: ");
    }

    @Test
    void readerBlockedWhenTheTransportIsClosedGetsMinusOne() throws Exception {
        Transport t = connect();
        accept();
        Future<Integer> reader = threads.submit(() -> t.read(new byte[16], 0, 16));

        t.close();

        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> reader.get())).isEqualTo(-1);
        assertThat(t.isOpen()).isFalse();
        assertThatThrownBy(() -> t.write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED))
                .hasMessage(t.name() + ": transport is closed");
    }

    @Test
    void writerStuckOnAPeerThatDoesNotReadIsFreedByClose() throws Exception {
        Transport t = connect();
        accept(); // ...and never read from it
        byte[] more = new byte[64 * 1024 * 1024]; // beyond what the socket buffers can hold
        Future<?> writer = threads.submit(() -> {
            t.write(more, 0, more.length);
            return null;
        });

        t.close();

        Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchThrowableOfType(ExecutionException.class, writer::get)).getCause();
        assertThat(thrown).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED));
        assertThat(thrown.getMessage()).isEqualTo(t.name() + ": transport is closed");
    }

    @Test
    void readTimeoutMakesAQuietReadReturnZero() throws Exception {
        Transport t = connect("readTimeout=100ms");
        Socket peer = accept();

        assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> t.read(new byte[4], 0, 4))).isZero();

        peer.getOutputStream().write(7);
        assertThat(Exchange.readFully(t, 1)).containsExactly(7);
    }

    @Test
    void concurrentWritesDoNotInterleave() throws Exception {
        Transport t = connect();
        Socket peer = accept();
        int writers = 4;
        int rounds = 4;
        int size = 256 * 1024; // beyond the socket buffer, so a write has to wait part-way
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte mark = (byte) ('A' + w);
            done.add(threads.submit(() -> {
                byte[] msg = new byte[size];
                java.util.Arrays.fill(msg, mark);
                for (int r = 0; r < rounds; r++) {
                    t.write(msg, 0, msg.length);
                }
                return null;
            }));
        }
        InputStream in = peer.getInputStream();
        byte[] all = assertTimeoutPreemptively(HANG_GUARD, () -> in.readNBytes(writers * rounds * size));
        for (Future<?> f : done) {
            f.get();
        }

        // every write arrives as one unbroken run of its writer's mark
        for (int i = 0; i < all.length; i += size) {
            byte first = all[i];
            for (int j = i; j < i + size; j++) {
                assertThat(all[j]).as("byte %d in the write starting at %d", j, i).isEqualTo(first);
            }
        }
    }
}
