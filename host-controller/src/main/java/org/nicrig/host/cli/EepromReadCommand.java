package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.eeprom.EepromEditor;
import org.nicrig.host.eeprom.EepromImage;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nicrig eeprom read}: a hex dump of the words, the MAC and subsystem ids, and the checksum's verdict. */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Prints the device's EEPROM words with their numbers, decodes the MAC address and the",
                "subsystem ids, and says whether the checksum is right (all words sum to 0xBABA)."})
final class EepromReadCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("([^.]+)(?:\\.\\.([^.]+))?");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeviceTarget target;

    @Option(names = "--words", paramLabel = "A..B", order = 1,
            description = "Only these words in the dump, e.g. 0..2 or 0x0b..0x0c or 63 (default: all 64).")
    private String words;

    @Override
    public Integer call() throws ConfigErrors, TransportException, SessionException {
        int[] range = range();
        PrintWriter out = spec.commandLine().getOut();
        try (OpenDevice d = target.open()) {
            EepromImage image = new EepromEditor(d.session()).read();
            out.println(DeviceLine.of(d));
            EepromText.dump(out, image, range[0], range[1]);
            EepromText.decode(out, image);
        }
        out.flush();
        return ExitCode.OK;
    }

    private int[] range() {
        if (words == null) {
            return new int[] {0, EepromImage.WORDS - 1};
        }
        Matcher m = RANGE.matcher(words.strip());
        try {
            if (m.matches()) {
                int a = (int) Numbers.parse(m.group(1), EepromImage.WORDS - 1, "--words first word");
                int b = m.group(2) == null ? a : (int) Numbers.parse(m.group(2), EepromImage.WORDS - 1, "--words last word");
                if (a <= b) {
                    return new int[] {a, b};
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        throw new ParameterException(spec.commandLine(),
                "--words: expected A..B with 0 <= A <= B <= 63, or one word, found '" + words + "'");
    }
}
