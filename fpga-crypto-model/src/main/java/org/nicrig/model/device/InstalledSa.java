package org.nicrig.model.device;

import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.SaParams;

/** An SA in a slot: what SA_ADD said, and the engine's running state for it. */
record InstalledSa(SaParams params, EspSa esp) {
}
