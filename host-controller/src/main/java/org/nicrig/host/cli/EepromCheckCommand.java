package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.eeprom.EepromEditor;
import org.nicrig.host.eeprom.EepromImage;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig eeprom check}: exit 0 if the 64 words sum to 0xBABA, else 1 with the sum and the
 * word-63 value that would fix it (Intel 8255x Open Source Software Developer Manual; Linux
 * e100.c, e100_eeprom_load, which refuses such a card as "EEPROM corrupted").
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Checks the EEPROM checksum: the 64 words must sum to 0xBABA, or Linux's e100 driver",
                "refuses the card. Exit 0 if they do; 1 with the sum and the word 63 that would fix it."})
final class EepromCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DeviceTarget target;

    @Override
    public Integer call() throws ConfigErrors, TransportException, SessionException {
        PrintWriter out = spec.commandLine().getOut();
        EepromImage image;
        try (OpenDevice d = target.open()) {
            image = new EepromEditor(d.session()).read();
            out.println(DeviceLine.of(d));
        }
        out.println("checksum (word 0x3f): " + EepromText.checksum(image));
        out.flush();
        return image.checksumOk() ? ExitCode.OK : ExitCode.FAILED;
    }
}
