package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.eeprom.EepromEditor;
import org.nicrig.host.eeprom.EepromImage;
import org.nicrig.host.eeprom.EepromVerifyException;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig eeprom write WORD=VALUE... | --mac MAC}: read-modify-write of the EEPROM with the
 * checksum kept right (word 63 recomputed, as Linux e100.c's e100_eeprom_save does), read back
 * and verified. {@code --raw} writes the words exactly as given, word 63 included.
 */
@Command(name = "write", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Changes EEPROM words: reads all 64, applies the change, recomputes word 63 so all words",
                "sum to 0xBABA, writes the changed words and word 63, and reads them back to verify.",
                "The device takes a new MAC address from its EEPROM at its next reset."})
final class EepromWriteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DeviceTarget target;

    @Parameters(paramLabel = "WORD=VALUE", arity = "0..*",
            description = "Words to set, e.g. 0x0b=0x1234 or 11=4660 (word 0..62, value 0..0xffff).")
    private List<String> assignments = new ArrayList<>();

    @Option(names = "--mac", paramLabel = "MAC", order = 1, description = "Set words 0-2 to this MAC address.")
    private String mac;

    @Option(names = "--raw", order = 2,
            description = "Write the words exactly as given, word 63 too, and leave the checksum as it falls.")
    private boolean raw;

    @Override
    public Integer call() throws ConfigErrors, TransportException, SessionException, CommandFailure {
        Map<Integer, Integer> changes = changes();
        PrintWriter out = spec.commandLine().getOut();
        try (OpenDevice d = target.open()) {
            out.println(DeviceLine.of(d));
            EepromEditor.Written w = new EepromEditor(d.session()).write(changes, !raw);
            if (w.written().isEmpty()) {
                out.println("nothing to write: the EEPROM already holds these words");
            }
            w.written().forEach((word, value) -> out.printf("word 0x%02x: 0x%04x -> 0x%04x%s%n", word,
                    w.before().word(word), value, word == EepromImage.CHECKSUM_WORD && !raw ? " (checksum)" : ""));
            out.printf("verified: %d EEPROM_WRITE request%s, all 64 words read back as written%n",
                    w.requests(), w.requests() == 1 ? "" : "s");
            out.println("checksum (word 0x3f): " + EepromText.checksum(w.after()));
            IdentifyReply id = (IdentifyReply) d.session().call(new Identify());
            out.println("device reports its EEPROM checksum " + (id.eepromChecksumOk() ? "ok" : "WRONG"));
            if (!w.before().mac().equals(w.after().mac())) {
                out.println("MAC address in the EEPROM: " + w.before().mac() + " -> " + w.after().mac()
                        + " (the device takes it at its next reset)");
            }
            out.flush();
            return raw || id.eepromChecksumOk() ? ExitCode.OK : ExitCode.FAILED;
        } catch (EepromVerifyException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private Map<Integer, Integer> changes() {
        Map<Integer, Integer> changes = new TreeMap<>();
        try {
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected WORD=VALUE, e.g. 0x0b=0x1234, found '" + a + "'");
                }
                int word = (int) Numbers.parse(a.substring(0, eq), EepromImage.WORDS - 1, "EEPROM word in '" + a + "'");
                int value = (int) Numbers.parse(a.substring(eq + 1), 0xFFFF, "value of word " + word);
                if (word == EepromImage.CHECKSUM_WORD && !raw) {
                    throw new IllegalArgumentException("word 63 is the checksum, recomputed on every write "
                            + "so the words sum to 0xBABA; --raw writes it as given");
                }
                if (changes.put(word, value) != null) {
                    throw new IllegalArgumentException("word " + word + " is given twice");
                }
            }
            if (mac != null) {
                List<Integer> words = EepromImage.macWords(MacAddress.parse(mac));
                for (int i = 0; i < words.size(); i++) {
                    if (changes.put(EepromImage.MAC_WORDS.get(i), words.get(i)) != null) {
                        throw new IllegalArgumentException("--mac sets words 0-2: do not give word " + i + " as well");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (changes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to write: give WORD=VALUE or --mac MAC");
        }
        return changes;
    }
}
