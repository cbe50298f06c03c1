package org.nicrig.host.rig;

import java.net.Inet4Address;
import java.util.Objects;
import org.nicrig.protocol.message.MacAddress;

/** The far-end host on the wire: the other side of every SA, and where team traffic goes. */
public record Peer(MacAddress mac, Inet4Address ip) {
    public Peer {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
    }
}
