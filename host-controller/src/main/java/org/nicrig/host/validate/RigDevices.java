package org.nicrig.host.validate;

import java.util.Map;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.rig.Rig;
import org.nicrig.protocol.message.IdentifyReply;

/**
 * What a validation asks of a rig's devices outside a plan run: who they are, and to take an
 * image. {@link SessionRigDevices} does it over the devices' own sessions; tests may fake it.
 */
public interface RigDevices {
    /**
     * IDENTIFY of every device of {@code rig}, by name in the rig's order.
     *
     * @throws ValidationException a device could not be reached (which one, and why)
     */
    Map<String, IdentifyReply> identify(Rig rig) throws ValidationException;

    /** Flashes {@code image} onto the named device; a refusal, fall-back or lost device is the row's status, not an exception. */
    FlashRow flash(Rig rig, String device, byte[] image);
}
