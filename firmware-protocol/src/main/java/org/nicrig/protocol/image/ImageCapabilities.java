package org.nicrig.protocol.image;

import java.util.List;
import org.nicrig.protocol.message.Integrity;

/**
 * The capability set a firmware advertises once it runs (IDENTIFY, PROTOCOL.md §5.2): whether it
 * drives an engine, grants secondary use, and which suites at what rates.
 */
public record ImageCapabilities(boolean engine, boolean secondaryUse, List<CipherRate> ciphers, List<Integrity> integrities) {
    public static final ImageCapabilities NONE = new ImageCapabilities(false, false, List.of(), List.of());

    public ImageCapabilities {
        ciphers = List.copyOf(ciphers);
        integrities = List.copyOf(integrities);
        if (ciphers.size() > 255 || integrities.size() > 255) {
            throw new IllegalArgumentException("at most 255 ciphers and 255 integrities");
        }
        if (!engine && (secondaryUse || !ciphers.isEmpty() || !integrities.isEmpty())) {
            throw new IllegalArgumentException("a firmware without an engine offers no ciphers, integrities or secondary use");
        }
        // one rate per cipher: a list naming a cipher twice would leave its rate to the reader's whim
        if (ciphers.stream().map(CipherRate::cipher).distinct().count() != ciphers.size()
                || integrities.stream().distinct().count() != integrities.size()) {
            throw new IllegalArgumentException("a cipher or integrity is listed twice: " + ciphers + " " + integrities);
        }
    }
}
