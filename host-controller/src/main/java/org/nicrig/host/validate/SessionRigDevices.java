package org.nicrig.host.validate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.firmware.FirmwareDeviceLostException;
import org.nicrig.host.firmware.FirmwareFlashException;
import org.nicrig.host.firmware.FirmwareFlasher;
import org.nicrig.host.firmware.FirmwareRefusedException;
import org.nicrig.host.firmware.FlashListener;
import org.nicrig.host.firmware.FlashOptions;
import org.nicrig.host.firmware.FlashResult;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportRegistry;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.IdentifyReply;

/**
 * The rig's devices reached one at a time over their own sessions, as {@code nicrig fw flash}
 * reaches one: a transport of its own (an emulated device on a wire of its own), HELLO and IDENTIFY,
 * no heartbeats (the session is short), closed again before the next. Flashing goes through
 * {@link FirmwareFlasher}; its outcome becomes a {@link FlashRow}.
 */
final class SessionRigDevices implements RigDevices {

    @Override
    public Map<String, IdentifyReply> identify(Rig rig) throws ValidationException {
        Map<String, IdentifyReply> out = new LinkedHashMap<>();
        for (RigDevice d : rig.devices()) {
            try (DeviceSession s = open(rig, d)) {
                out.put(d.name(), s.identity());
            } catch (TransportException | SessionException e) {
                throw new ValidationException(d.name() + " (" + d.transport() + ") could not be reached: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public FlashRow flash(Rig rig, String device, byte[] image) {
        RigDevice d = rig.device(device).orElseThrow(() -> new IllegalArgumentException("no device " + device));
        try (DeviceSession s = open(rig, d)) {
            FlashResult r = new FirmwareFlasher(s, FlashOptions.DEFAULT, FlashListener.NONE).flash(image);
            return r.activated()
                    ? new FlashRow(device, FlashRow.Status.FLASHED, r.after().firmware().toString(), r.summary())
                    : new FlashRow(device, FlashRow.Status.FELL_BACK, r.after().firmware().toString(), r.summary());
        } catch (FirmwareRefusedException e) {
            return new FlashRow(device, FlashRow.Status.REFUSED, "", e.code() + (e.detail().isEmpty() ? "" : ": " + e.detail())
                    + (e.byHost() ? " (host check, nothing sent)" : " (at " + e.phase().label() + ")"));
        } catch (FirmwareDeviceLostException e) {
            return new FlashRow(device, FlashRow.Status.FAILED, "", e.getMessage());
        } catch (FirmwareFlashException | TransportException | SessionException e) {
            return new FlashRow(device, FlashRow.Status.FAILED, "", e.getMessage());
        }
    }

    private static DeviceSession open(Rig rig, RigDevice d) throws TransportException, SessionException {
        // one device, no team: a wire of its own, and no hub for a pty-emulator's fpga-emu
        TransportRegistry transports = TransportRegistry.forRig(new VirtualWire(), Optional.empty());
        Transport t = transports.create(d.transport());
        SessionConfig config = rig.team().sessionConfig().withHeartbeat(Duration.ZERO, 1);
        DeviceSession session = new DeviceSession(d.name(), t, config);
        try {
            session.open();
        } catch (TransportException | SessionException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }
}
