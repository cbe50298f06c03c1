package org.nicrig.model.cli;

import org.nicrig.model.wire.Ipv4Address;
import org.nicrig.protocol.message.MacAddress;

/** One {@code --peer mac=MAC,ip=A.B.C.D} argument: a UDP echo host on the wire. */
record PeerSpec(MacAddress mac, Ipv4Address ip) {

    static PeerSpec parse(String text) {
        MacAddress mac = null;
        Ipv4Address ip = null;
        for (String option : text.split(",", -1)) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : option.substring(eq + 1);
            switch (key) {
                case "mac" -> mac = MacAddress.parse(value);
                case "ip" -> ip = Ipv4Address.parse(value);
                default -> throw new IllegalArgumentException("unknown key '" + key + "' (a peer is mac=MAC,ip=A.B.C.D)");
            }
        }
        if (mac == null || ip == null) {
            throw new IllegalArgumentException("a peer needs both mac= and ip=, e.g. mac=02:00:00:00:01:01,ip=192.0.2.1");
        }
        return new PeerSpec(mac, ip);
    }
}
