package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nicrig.host.admission.AllowList;
import org.nicrig.host.admission.AllowedIdentity;

/**
 * A rig: which devices form the team and how each is reached, how the team runs, the SAs it
 * uses with the peer, the wire, and which identities may join (patent op. 300). Loaded by
 * {@link RigLoader}; the shipped ones are in {@code rigs/}, described by
 * {@code schemas/rig.schema.json}.
 */
public record Rig(String name, List<RigDevice> devices, TeamSettings team, List<RigSa> sas, Peer peer, Wire wire,
                  List<AllowedIdentity> allow) {

    public Rig {
        Objects.requireNonNull(name, "name");
        devices = List.copyOf(devices);
        Objects.requireNonNull(team, "team");
        sas = List.copyOf(sas);
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(wire, "wire");
        allow = List.copyOf(allow);
    }

    public Optional<RigDevice> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    public Optional<RigSa> sa(String saName) {
        return sas.stream().filter(s -> s.name().equals(saName)).findFirst();
    }

    public List<String> deviceNames() {
        return devices.stream().map(RigDevice::name).toList();
    }

    public List<String> saNames() {
        return sas.stream().map(RigSa::name).toList();
    }

    /**
     * This rig with every {@code emulated:} and {@code pty-emulator:} device keeping its
     * non-volatile memory in {@code dir/NAME} (NAME = the device's name here), so a firmware
     * flashed by one nicrig command is still there for the next; other transports unchanged.
     * See {@link NvmDir}.
     */
    public Rig withNvmDir(Path dir) {
        List<RigDevice> mapped = devices.stream()
                .map(d -> new RigDevice(d.name(), NvmDir.apply(d.transport(), dir.resolve(d.name())), d.role(), d.expect()))
                .toList();
        return new Rig(name, mapped, team, sas, peer, wire, allow);
    }

    /** The allow-list as admission checks it. */
    public AllowList allowList() {
        return new AllowList(allow);
    }
}
