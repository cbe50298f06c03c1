package org.nicrig.model.wire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process segment, like a hub: every frame reaches every other port and every tap,
 * synchronously on the sender's thread, in one global order (so the tap's order is the wire's).
 */
public final class VirtualWire implements Wire {
    private final List<Port> ports = new CopyOnWriteArrayList<>();
    private final List<WireTap> taps = new CopyOnWriteArrayList<>();
    private final Object order = new Object();

    @Override
    public WirePort attach(String name, WirePort.Receiver receiver) {
        Port p = new Port(name, receiver);
        ports.add(p);
        return p;
    }

    @Override
    public void addTap(WireTap tap) {
        taps.add(tap);
    }

    @Override
    public void removeTap(WireTap tap) {
        taps.remove(tap);
    }

    /** Delivers a frame that came from outside this process (a hub) to every local port. */
    public void inject(String sender, byte[] frame) {
        deliver(null, sender, frame);
    }

    private void deliver(Port from, String sender, byte[] frame) {
        synchronized (order) {
            long now = System.nanoTime();
            for (WireTap t : taps) {
                t.onFrame(now, sender, frame);
            }
            for (Port p : ports) {
                if (p != from) {
                    p.receiver.onFrame(frame);
                }
            }
        }
    }

    private final class Port implements WirePort {
        private final String name;
        private final WirePort.Receiver receiver;

        Port(String name, WirePort.Receiver receiver) {
            this.name = name;
            this.receiver = receiver;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void transmit(byte[] frame) {
            if (ports.contains(this)) {
                deliver(this, name, frame);
            }
        }

        @Override
        public void close() {
            ports.remove(this);
        }
    }
}
