package org.nicrig.host.rig;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.Scalars;
import org.nicrig.protocol.message.MacAddress;

/** MAC and IPv4 address values in a rig file; null (reported) when malformed. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    private Addresses() {
    }

    static MacAddress mac(Node n, String path, Problems p) {
        String s = Scalars.string(n, path, p);
        if (s == null) {
            return null;
        }
        try {
            return MacAddress.parse(s);
        } catch (IllegalArgumentException e) {
            p.error(n.location(), path, e.getMessage());
            return null;
        }
    }

    /** A dotted-quad literal; never a host name (no DNS lookup while loading a file). */
    static Inet4Address ipv4(Node n, String path, Problems p) {
        String s = Scalars.string(n, path, p);
        if (s == null) {
            return null;
        }
        Inet4Address a = parseIpv4(s);
        if (a == null) {
            p.error(n.location(), path, "expected an IPv4 address like 192.0.2.1, found '" + s + "'");
        }
        return a;
    }

    static Inet4Address parseIpv4(String s) {
        Matcher m = IPV4.matcher(s);
        if (!m.matches()) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(m.group(i + 1));
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an address", e);
        }
    }
}
