package org.nicrig.host.report;

import java.util.Objects;

/**
 * What admission decided for one member (patent op. 300: identity on the allow-list; op. 302:
 * engine proven by a known-answer self-test; claims 6, 7: offered for secondary use).
 *
 * @param identity display text of the identity the member reported, e.g. "8086:1229 rev 8"
 * @param reason   why refused or not trusted; empty when all is well
 */
public record AdmissionRow(String member, String identity, boolean admitted, boolean engineVerified,
                           boolean secondaryUse, String reason) {
    public AdmissionRow {
        Objects.requireNonNull(member, "member");
        identity = Text.orEmpty(identity);
        reason = Text.orEmpty(reason);
    }
}
