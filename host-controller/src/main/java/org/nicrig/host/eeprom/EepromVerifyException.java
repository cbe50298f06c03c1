package org.nicrig.host.eeprom;

/** The EEPROM did not read back as written; the message lists each word that differs. */
public final class EepromVerifyException extends Exception {
    public EepromVerifyException(String message) {
        super(message, null, false, false);
    }
}
