/**
 * Firmware update on the device model (FIRMWARE-DEVICE-RULES.md): the non-volatile memory a
 * device keeps across power-off ({@link org.nicrig.model.firmware.NonVolatileMemory}: two slots,
 * which boots, the rollback floor, the EEPROM), the key it trusts, the FW_BEGIN..FW_COMMIT state
 * machine ({@link org.nicrig.model.firmware.FirmwareUpdater}) and the boot that picks and
 * self-tests the firmware to run ({@link org.nicrig.model.firmware.BootLoader}).
 */
package org.nicrig.model.firmware;
