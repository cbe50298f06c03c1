package org.nicrig.host.admission;

import java.util.List;
import org.nicrig.protocol.message.IdentifyReply;

/** The identities a rig accepts as team members (patent op. 300). */
public record AllowList(List<AllowedIdentity> entries) {
    public AllowList {
        entries = List.copyOf(entries);
    }

    /** Null when some entry admits the identity; else why not, naming the nearest entry. */
    public String refusal(IdentifyReply id) {
        if (entries.isEmpty()) {
            return "the allow-list is empty";
        }
        String nearest = null;
        for (AllowedIdentity e : entries) {
            String m = e.mismatch(id);
            if (m == null) {
                return null;
            }
            boolean sameDevice = e.vendorId() == id.pci().vendorId() && e.deviceId() == id.pci().deviceId();
            if (nearest == null || sameDevice) {
                nearest = "'" + e.name() + "': " + m;
            }
        }
        return "not on the allow-list (nearest entry " + nearest + ")";
    }
}
