package org.nicrig.host.cli;

/**
 * The device did something the command cannot accept: a refused register, an EEPROM that does
 * not read back as written. Printed as {@code nicrig: MESSAGE}, exit 1 ({@link ExitCode#FAILED}).
 */
final class CommandFailure extends Exception {
    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
