package org.nicrig.host.admission;

import org.nicrig.protocol.message.IdentifyReply;

/**
 * What admission decided for one member, as data for the runner's report.
 *
 * @param admitted       the member joins the team (op. 300)
 * @param engineVerified the member's engine passed the host-judged self-test (op. 302)
 * @param secondaryUse   the member grants secondary use and its engine is verified: the crypto
 *                       service may lend it out (claims 6, 7)
 * @param reason         why refused, or why the engine is not trusted; empty when all is well
 */
public record AdmissionResult(String member, IdentifyReply identity, boolean admitted, boolean engineVerified,
                              boolean secondaryUse, String reason) {

    public static AdmissionResult refused(String member, IdentifyReply identity, String reason) {
        return new AdmissionResult(member, identity, false, false, false, reason);
    }

    @Override
    public String toString() {
        return member + ": " + (admitted ? "admitted" : "refused")
                + (admitted ? (engineVerified ? ", engine verified" : ", no verified engine") : "")
                + (secondaryUse ? ", secondary use" : "") + (reason.isEmpty() ? "" : " — " + reason);
    }
}
