package org.nicrig.host.transport;

import org.junit.jupiter.api.Test;
import org.nicrig.host.lab.PtyPair;
import org.nicrig.host.lab.Ser2net;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The way a bench is reached over the network: TcpTransport to ser2net, ser2net to a serial
 * port, and at the far end of the "cable" a SerialTransport. Real processes all the way.
 */
class Ser2netBridgeTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Test
    void bytesCrossTcpToSerialAndBackExactly() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (PtyPair pty = PtyPair.start();
             Ser2net ser2net = Ser2net.serve(pty.a(), Duration.ofSeconds(10));
             Transport host = Transports.open(ser2net.uri());
             Transport device = Transports.open(pty.uriB())) {
            long seed = 0x5E2_2E7L;
            byte[] toDevice = Exchange.randomBytes(64 * 1024, seed);
            byte[] toHost = Exchange.randomBytes(64 * 1024, seed + 1);

            byte[][] got = assertTimeoutPreemptively(HANG_GUARD, () -> {
                // ser2net opens the serial port only when the TCP client connects, and flushes it
                // then: bytes the device wrote before that are gone. One byte each way first
                // proves the whole path is up, as any request/response protocol would.
                host.write(new byte[] {0x55}, 0, 1);
                assertThat(Exchange.readFully(device, 1)).containsExactly(0x55);
                device.write(new byte[] {0x2A}, 0, 1);
                assertThat(Exchange.readFully(host, 1)).containsExactly(0x2A);
                return Exchange.both(threads, host, device, toDevice, toHost);
            });

            assertThat(got[0]).as("host to device, content seed %d", seed).isEqualTo(toDevice);
            assertThat(got[1]).as("device to host, content seed %d", seed + 1).isEqualTo(toHost);
        } finally {
            threads.shutdownNow();
        }
    }
}
