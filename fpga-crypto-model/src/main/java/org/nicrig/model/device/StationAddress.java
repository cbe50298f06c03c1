package org.nicrig.model.device;

import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.protocol.message.MacAddress;

/**
 * The MAC address the device answers to and sends from: its EEPROM address, or one the host
 * lent it with SET_MAC so that a capable member can transmit on behalf of another (patent FIG. 4)
 * until RESTORE_MAC. With {@link Defect#MAC_NOT_RESTORED} a RESTORE_MAC that follows a transmit
 * under the borrowed address is acknowledged but ignored.
 */
final class StationAddress {
    private final Eeprom82559 eeprom;
    private final boolean notRestored;
    private MacAddress current;
    private boolean sentWhileBorrowed;

    StationAddress(Eeprom82559 eeprom, MacAddress initial, Defects defects) {
        this.eeprom = eeprom;
        this.current = initial;
        this.notRestored = defects.has(Defect.MAC_NOT_RESTORED);
    }

    synchronized MacAddress current() {
        return current;
    }

    synchronized void borrow(MacAddress mac) {
        current = mac;
        sentWhileBorrowed = false;
    }

    /** RESTORE_MAC: back to the EEPROM's address (unless the defect keeps the borrowed one). */
    synchronized void restore() {
        if (notRestored && sentWhileBorrowed) {
            return;
        }
        current = eeprom.mac();
        sentWhileBorrowed = false;
    }

    /** The device put a frame on the wire with {@link #current()} as its source. */
    synchronized MacAddress sourceForTransmit() {
        if (!current.equals(eeprom.mac())) {
            sentWhileBorrowed = true;
        }
        return current;
    }

    /** A reset reloads the address from the EEPROM, defect or not. */
    synchronized void reset() {
        current = eeprom.mac();
        sentWhileBorrowed = false;
    }

    /**
     * The receive filter: the station's own (EEPROM) address, or any group address. A borrowed
     * address is for transmitting only: replies to it are meant for the member that lent it, and a
     * second member taking them too would decrypt them twice and spend their sequence numbers.
     */
    synchronized boolean accepts(MacAddress destination) {
        return destination.equals(eeprom.mac()) || destination.isMulticast();
    }
}
