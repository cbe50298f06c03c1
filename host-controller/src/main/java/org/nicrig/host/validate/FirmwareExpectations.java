package org.nicrig.host.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nicrig.host.admission.AllowedIdentity;
import org.nicrig.host.rig.ExpectedIdentity;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.PciIdentity;

/**
 * The rig as it should look once some of its devices run a flashed image: those devices expect the
 * image's firmware version instead of the one the rig file names (rigs/emulated.yaml expects
 * fpga1 at 1.4.0). The allow-list is left as it is — whether the new version may join the team is
 * the lab's decision (patent op. 300), not the tool's — and {@link #allowListNotes} says when it
 * will not, so the report can tell the reader why admission refuses the device.
 */
public final class FirmwareExpectations {
    private FirmwareExpectations() {
    }

    /** {@code rig} with each device in {@code flashed} expecting firmware {@code version}; other devices as they were. */
    public static Rig forImage(Rig rig, java.util.Collection<String> flashed, FirmwareVersion version) {
        List<RigDevice> devices = rig.devices().stream()
                .map(d -> flashed.contains(d.name()) ? new RigDevice(d.name(), d.transport(), d.role(),
                        Optional.of(expecting(d.expect(), version))) : d)
                .toList();
        return new Rig(rig.name(), devices, rig.team(), rig.sas(), rig.peer(), rig.wire(), rig.allow());
    }

    private static ExpectedIdentity expecting(Optional<ExpectedIdentity> was, FirmwareVersion version) {
        return was.map(e -> new ExpectedIdentity(e.vendorId(), e.deviceId(), e.revision(), Optional.of(version), e.mac()))
                .orElseGet(() -> new ExpectedIdentity(java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                        java.util.OptionalInt.empty(), Optional.of(version), Optional.empty()));
    }

    /**
     * One sentence per flashed device that the rig's allow-list will refuse at {@code version}, e.g.
     * {@code fpga1 at 2.0.0 is outside the rig's allow-list (fpga-aes allows 1.0.0..1.9.0): admission
     * will refuse it; the allow-list was not widened}. Empty when every flashed device may join.
     */
    public static List<String> allowListNotes(Rig rig, Map<String, PciIdentity> flashed, FirmwareVersion version) {
        List<String> notes = new ArrayList<>();
        flashed.forEach((name, pci) -> {
            List<AllowedIdentity> forDevice = rig.allow().stream()
                    .filter(a -> a.vendorId() == pci.vendorId() && a.deviceId() == pci.deviceId()
                            && pci.revision() >= a.minRevision() && pci.revision() <= a.maxRevision())
                    .toList();
            boolean allowed = forDevice.stream()
                    .anyMatch(a -> version.compareTo(a.minFirmware()) >= 0 && version.compareTo(a.maxFirmware()) <= 0);
            if (!allowed) {
                String ranges = forDevice.isEmpty() ? "no entry takes its identity"
                        : String.join(", ", forDevice.stream()
                        .map(a -> a.name() + " allows " + a.minFirmware() + ".." + a.maxFirmware()).toList());
                notes.add(name + " at " + version + " is outside the rig's allow-list (" + ranges
                        + "): admission will refuse it; the allow-list was not widened");
            }
        });
        return notes;
    }
}
