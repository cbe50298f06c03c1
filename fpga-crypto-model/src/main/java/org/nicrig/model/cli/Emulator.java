package org.nicrig.model.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.server.DeviceServer;
import org.nicrig.model.server.SerialChannel;
import org.nicrig.model.server.TcpDeviceListener;
import org.nicrig.model.wire.FarEndPeer;
import org.nicrig.model.wire.HubWire;
import org.nicrig.model.wire.PcapWriter;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.model.wire.Wire;
import org.nicrig.model.wire.WireHub;

/**
 * What {@code fpga-emu} runs: devices on one wire (in-process, or joined to a UDP hub), each
 * served on its serial port or TCP port, plus an optional hub, capture and echo peers. Starting
 * is all or nothing: if any part cannot start, what did start is closed again and the
 * IOException says which part and why, in one line.
 */
final class Emulator implements AutoCloseable {

    /** Everything the command line asked for, checked. */
    record Plan(List<DeviceSpec> devices, double speed, InetSocketAddress joinHub, InetSocketAddress serveHub,
                Path pcap, List<PeerSpec> peers) {
        Plan {
            devices = List.copyOf(devices);
            peers = List.copyOf(peers);
        }
    }

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final List<TcpDeviceListener> listeners = new ArrayList<>();
    private final List<DeviceServer> servers = new ArrayList<>();
    private boolean closed;

    private Emulator() {
    }

    /** Starts everything in the plan, telling {@code say} one line per thing started. */
    static Emulator start(Plan plan, Consumer<String> say) throws IOException {
        Emulator e = new Emulator();
        try {
            e.startAll(plan, say);
            return e;
        } catch (IOException | RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    private void startAll(Plan plan, Consumer<String> say) throws IOException {
        InetSocketAddress hub = plan.joinHub();
        if (plan.serveHub() != null) {
            WireHub h = keep(WireHub.start(plan.serveHub()));
            say.accept("hub serving " + h.name());
            hub = h.address();
        }
        Wire wire;
        if (hub != null) {
            HubWire w = keep(HubWire.connect(hub, HubWire.DEFAULT_CONNECT_TIMEOUT));
            if (plan.serveHub() == null) {
                say.accept("wire joined hub " + w.hubName());
            }
            wire = w;
        } else {
            wire = new VirtualWire();
        }
        if (plan.pcap() != null) {
            PcapWriter pcap = keep(PcapWriter.create(plan.pcap()));
            wire.addTap(pcap);
            say.accept("capturing to " + plan.pcap());
        }
        for (PeerSpec p : plan.peers()) {
            keep(FarEndPeer.plain(wire, p.mac(), p.ip()));
            say.accept("peer " + p.ip() + " " + p.mac() + " echoing UDP");
        }
        for (int i = 0; i < plan.devices().size(); i++) {
            DeviceSpec spec = plan.devices().get(i);
            DeviceConfig config = spec.toConfig(i + 1, plan.speed());
            Device device;
            try {
                device = keep(new Device(config, wire));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause(); // its memory directory could not be formatted: names the file
            }
            devices.add(device);
            String where = serve(device, spec.endpoint());
            say.accept(config.profile().name() + " " + config.mac() + " serving " + where);
        }
    }

    private String serve(Device device, Endpoint endpoint) throws IOException {
        if (endpoint instanceof Endpoint.Serial s) {
            SerialChannel channel = keep(SerialChannel.open(s.path()));
            servers.add(keep(new DeviceServer(device, channel).start()));
            return channel.name();
        }
        Endpoint.Tcp t = (Endpoint.Tcp) endpoint;
        TcpDeviceListener l = keep(TcpDeviceListener.start(device, t.address()));
        listeners.add(l);
        return l.name();
    }

    private <T extends AutoCloseable> T keep(T thing) {
        opened.add(thing);
        return thing;
    }

    List<Device> devices() {
        return Collections.unmodifiableList(devices);
    }

    List<TcpDeviceListener> listeners() {
        return Collections.unmodifiableList(listeners);
    }

    /** Closes everything, last started first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // closing everything else matters more than one failure here
            }
        }
    }
}
