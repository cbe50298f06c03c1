package org.nicrig.host.rig;

import java.util.Objects;
import java.util.Optional;

/**
 * One team member as the rig wires it.
 *
 * @param name      the member's name in plans and reports
 * @param transport how the host reaches it: {@code serial:}, {@code tcp://}, {@code usb:},
 *                  {@code emulated:} or {@code pty-emulator:} (see {@link TransportCheck})
 * @param role      an optional hint (see {@link DeviceRole}); the resolved primary is in
 *                  {@link TeamSettings#primary()}
 * @param expect    the identity it must report, if the rig says
 */
public record RigDevice(String name, String transport, Optional<DeviceRole> role, Optional<ExpectedIdentity> expect) {
    public RigDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expect, "expect");
    }
}
