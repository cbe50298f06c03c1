package org.nicrig.host.admission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * How the team presents itself to the stack (patent op. 306): IPsec-capable with the union of
 * what its verified engines do, and a crypto service for the OS only when at least one verified
 * engine grants secondary use.
 */
public record TeamPresentation(boolean ipsecCapable, boolean cryptoServiceOffered, Set<Cipher> ciphers,
                               Set<Integrity> integrities, List<AdmissionResult> members) {

    public static TeamPresentation of(List<AdmissionResult> results) {
        Set<Cipher> ciphers = EnumSet.noneOf(Cipher.class);
        Set<Integrity> integrities = EnumSet.noneOf(Integrity.class);
        boolean service = false;
        for (AdmissionResult r : results) {
            if (r.admitted() && r.engineVerified()) {
                ciphers.addAll(r.identity().capabilities().ciphers());
                integrities.addAll(r.identity().capabilities().integrities());
                service |= r.secondaryUse();
            }
        }
        return new TeamPresentation(!ciphers.isEmpty(), service, Set.copyOf(ciphers), Set.copyOf(integrities), List.copyOf(results));
    }
}
