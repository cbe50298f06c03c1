/**
 * The 82559 serial EEPROM as the host edits it over EEPROM_READ and EEPROM_WRITE (PROTOCOL.md
 * §5.19–5.20): the 64-word image with its 0xBABA checksum ({@link org.nicrig.host.eeprom.EepromImage})
 * and a read-modify-write that keeps the checksum right and verifies what it wrote
 * ({@link org.nicrig.host.eeprom.EepromEditor}). The host's own code, not the device model's, so
 * the model's checksum is checked by an independent implementation.
 */
package org.nicrig.host.eeprom;
