package org.nicrig.host.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nicrig eeprom read|write|check}: the 82559's 64-word serial EEPROM over EEPROM_READ/EEPROM_WRITE. */
@Command(name = "eeprom", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 100,
        description = {"Reads, checks and writes a device's serial EEPROM: 64 16-bit words, the MAC address in",
                "words 0-2, the subsystem ids in words 0x0b-0x0c and a checksum in word 63 that makes",
                "all words sum to 0xBABA (Intel 8255x Open Source Software Developer Manual; Linux e100.c)."},
        subcommands = {EepromReadCommand.class, EepromCheckCommand.class, EepromWriteCommand.class},
        footer = {"", "Examples:",
                "  nicrig eeprom read --device fpga1",
                "  nicrig eeprom check --transport serial:/dev/ttyUSB0",
                "  nicrig eeprom write --device fpga1 --mac 02:00:00:00:00:42",
                "  nicrig eeprom write --device fpga1 0x0b=0x1234"})
final class EepromCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": missing command (read, check or write)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
