package org.nicrig.host.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nicrig.host.admission.Admission;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.host.rig.TransportCheck;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportRegistry;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.IdentifyReply;

/**
 * Opens each device of a rig in turn, identifies it and runs admission on it (patent ops 300–302),
 * then closes it. A device that cannot be reached is a row with the reason, never an exception.
 */
final class Prober {
    private final TransportRegistry transports;

    Prober(TransportRegistry transports) {
        this.transports = transports;
    }

    /**
     * serial, tcp and usb as always; emulated devices in this process on a wire of their own
     * (identify and self-test put nothing on it); pty-emulator refused with an explanation, since
     * only a run serves those devices.
     */
    static TransportRegistry standardTransports() {
        return TransportRegistry.standard()
                .with("emulated", new EmulatedTransportProvider(new VirtualWire()))
                .with(TransportCheck.PTY_EMULATOR, uri -> {
                    throw new TransportException(uri.text(), TransportException.Reason.UNSUPPORTED,
                            "a pty-emulator device exists only while nicrig run serves it; "
                                    + "probe the same model as emulated:" + uri.target());
                });
    }

    List<ProbeRow> probe(Rig rig, long seed) {
        Admission admission = new Admission(rig.allowList(), seed);
        // no heartbeats: the session lives only for IDENTIFY and the self-tests
        SessionConfig config = rig.team().sessionConfig().withHeartbeat(Duration.ZERO, 1);
        List<ProbeRow> rows = new ArrayList<>();
        for (RigDevice d : rig.devices()) {
            rows.add(probe(d, admission, config));
        }
        return rows;
    }

    private ProbeRow probe(RigDevice d, Admission admission, SessionConfig config) {
        Transport transport;
        try {
            transport = transports.create(d.transport());
        } catch (TransportException e) {
            return ProbeRow.unreachable(d.name(), d.transport(), e.getMessage());
        }
        try (DeviceSession session = new DeviceSession(d.name(), transport, config)) {
            IdentifyReply id = session.open();
            AdmissionResult a = admission.admit(d.name(), session);
            String mismatch = d.expect().map(e -> e.mismatch(id)).orElse(null);
            return ProbeRow.of(d.name(), d.transport(), id, a, mismatch);
        } catch (TransportException | SessionException e) {
            return ProbeRow.unreachable(d.name(), d.transport(), e.getMessage());
        }
    }
}
