package org.nicrig.host.transport;

import org.nicrig.model.wire.Wire;

/**
 * {@code emulated:PROFILE?mac=02:00:00:00:00:01&speed=10&seed=7&revision=8&defects=IV_REUSE+SEQ_NOT_INCREMENTED&nvm=DIR&trusted-key=PATH}:
 * an in-process device model on this provider's wire. {@code speed} is how much faster than real
 * time the performance model runs ({@code unlimited} for as fast as the CPU allows);
 * {@code nvm=DIR} keeps its firmware slots, rollback floor and EEPROM in a directory (else in
 * memory, for as long as the transport); {@code trusted-key=PATH} is the PEM public key firmware
 * images must be signed with. The parameters are read by {@link EmulatedDeviceSpec}.
 */
public final class EmulatedTransportProvider implements TransportProvider {

    private final Wire wire;

    public EmulatedTransportProvider(Wire wire) {
        this.wire = wire;
    }

    @Override
    public Transport create(TransportUri uri) throws TransportException {
        uri.requireOnly(EmulatedDeviceSpec.PARAMS);
        EmulatedDeviceSpec spec = EmulatedDeviceSpec.parse(uri);
        try {
            return new EmulatedTransport(uri.text(), spec.toConfig(), wire);
        } catch (java.io.IOException e) {
            throw new TransportException(uri.text(), TransportException.Reason.IO, e.getMessage(), e);
        }
    }
}
