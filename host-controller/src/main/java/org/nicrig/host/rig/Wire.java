package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the members' Ethernet ports are plugged into.
 * <ul>
 *   <li>{@link InProcess} ({@code wire: emulated}): one virtual wire inside the runner, shared by
 *       every emulated device; the runner plays the peer on it;</li>
 *   <li>{@link Hub} ({@code wire: {hub: "udp:127.0.0.1:47000"}}): device models in other processes
 *       exchange frames through a UDP hub at that address;</li>
 *   <li>{@link CaptureFile} / {@link CaptureInterface} ({@code wire: {capture: bench.pcap}} or
 *       {@code {capture: enp3s0}}): real hardware on a real wire, which the runner observes
 *       through a capture interface, or replays from a pcap file recorded on the bench.
 *       A value ending in {@code .pcap} or {@code .pcapng} is a file, anything else an interface.</li>
 * </ul>
 */
public sealed interface Wire {

    record InProcess() implements Wire {
    }

    record Hub(String host, int port) implements Wire {
        public Hub {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1..65535: " + port);
            }
        }
    }

    /** A pcap file, resolved against the rig file's folder. */
    record CaptureFile(Path file) implements Wire {
        public CaptureFile {
            Objects.requireNonNull(file, "file");
        }
    }

    record CaptureInterface(String name) implements Wire {
        public CaptureInterface {
            Objects.requireNonNull(name, "name");
        }
    }
}
