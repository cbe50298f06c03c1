package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nicrig eeprom against emulated fpga1 (MAC 02:00:00:00:00:01, subsystem 8086:0071). Its words,
 * worked out here by hand: 0 = 0x0002, 1 = 0x0000, 2 = 0x0100 (first octet in the low byte,
 * PROTOCOL.md §5.19), 0x0b = 0x0071, 0x0c = 0x8086, and word 63 = 0xBABA − 0x81F9 = 0x38C1.
 */
class EepromCommandTest {
    private static Cli.Result eeprom(String sub, String... args) {
        List<String> all = new ArrayList<>(List.of("eeprom", sub, "--rig", DeviceTargetTest.RIG, "--device", "fpga1"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void readDumpsEveryWordWithItsNumberAndDecodesTheFields() {
        Cli.Result r = eeprom("read");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("fpga1 (emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1): "
                + "1172:e001 rev 01, MAC 02:00:00:00:00:01, firmware 1.4.0");
        assertThat(lines.get(1)).isEqualTo("word   +0   +1   +2   +3   +4   +5   +6   +7");
        assertThat(lines.get(2)).isEqualTo("0x00 0002 0000 0100 0000 0000 0000 0000 0000");
        assertThat(lines.get(3)).isEqualTo("0x08 0000 0000 0000 0071 8086 0000 0000 0000");
        assertThat(lines.get(9)).isEqualTo("0x38 0000 0000 0000 0000 0000 0000 0000 38c1");
        assertThat(r.out())
                .contains("MAC address          (words 0x00-0x02): 02:00:00:00:00:01\n")
                .contains("subsystem id         (word 0x0b):      0x0071\n")
                .contains("subsystem vendor id  (word 0x0c):      0x8086\n")
                .contains("checksum             (word 0x3f):      0x38c1, the 64 words sum to 0xbaba: correct\n");
    }

    @Test
    void readOfARangeShowsOnlyThoseWords() {
        Cli.Result r = eeprom("read", "--words", "0x0b..0x0c");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> dump = r.out().lines().filter(l -> l.startsWith("0x")).toList();
        assertThat(dump).containsExactly("0x08                0071 8086");
    }

    @Test
    void aRangeOutsideTheEepromIsAUsageError() {
        Cli.Result r = eeprom("read", "--words", "60..64");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--words last word: expected 0..63").contains("'64'");
        assertThat(eeprom("read", "--words", "9..3").status()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void checkPassesOnAFactoryEeprom() {
        Cli.Result r = eeprom("check");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith("checksum (word 0x3f): 0x38c1, the 64 words sum to 0xbaba: correct\n");
    }

    @Test
    void writeOfAMacRecomputesTheChecksumAndVerifies() {
        Cli.Result r = eeprom("write", "--mac", "02:00:00:00:00:42");
        assertThat(r.status()).as(r.toString()).isZero();
        // words 0x0002 0x0000 0x4200; sum of words 0..62 = 0xC2F9; 0xBABA - 0xC2F9 = 0xF7C1 (mod 2^16)
        assertThat(r.out()).contains("word 0x02: 0x0100 -> 0x4200\n")
                .contains("word 0x3f: 0x38c1 -> 0xf7c1 (checksum)\n")
                .doesNotContain("word 0x00:").doesNotContain("word 0x01:")
                .contains("verified: 2 EEPROM_WRITE requests, all 64 words read back as written\n")
                .contains("checksum (word 0x3f): 0xf7c1, the 64 words sum to 0xbaba: correct\n")
                .contains("device reports its EEPROM checksum ok\n")
                .contains("MAC address in the EEPROM: 02:00:00:00:00:01 -> 02:00:00:00:00:42");
    }

    @Test
    void writeOfWordsInHexAndDecimal() {
        Cli.Result r = eeprom("write", "0x0b=0x1234", "13=7");
        assertThat(r.status()).as(r.toString()).isZero();
        // words 0x0b, 0x0c (unchanged), 0x0d: two runs, then the checksum
        assertThat(r.out()).contains("word 0x0b: 0x0071 -> 0x1234\n").contains("word 0x0d: 0x0000 -> 0x0007\n")
                .contains("verified: 3 EEPROM_WRITE requests").contains("device reports its EEPROM checksum ok");
    }

    @Test
    void writingTheChecksumWordNeedsRaw() {
        Cli.Result r = eeprom("write", "63=0");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("word 63 is the checksum").contains("--raw");

        Cli.Result raw = eeprom("write", "--raw", "63=0");
        assertThat(raw.status()).as(raw.toString()).isZero();
        assertThat(raw.out()).contains("word 0x3f: 0x38c1 -> 0x0000\n")
                .contains("sum to 0x81f9, not 0xbaba: WRONG (word 63 = 0x38c1 would fix it)")
                .contains("device reports its EEPROM checksum WRONG");
    }

    @Test
    void outOfRangeWordsAndValuesAreRefusedBeforeAnythingIsWritten() {
        Cli.Result word = eeprom("write", "64=1");
        assertThat(word.status()).isEqualTo(ExitCode.USAGE);
        assertThat(word.err()).contains("EEPROM word in '64=1': expected 0..63");
        Cli.Result value = eeprom("write", "5=0x10000");
        assertThat(value.status()).isEqualTo(ExitCode.USAGE);
        assertThat(value.err()).contains("value of word 5: expected 0..0xffff").contains("'0x10000'");
        Cli.Result twice = eeprom("write", "0=1", "--mac", "02:00:00:00:00:42");
        assertThat(twice.status()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("--mac sets words 0-2");
        Cli.Result nothing = eeprom("write");
        assertThat(nothing.status()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("nothing to write");
        Cli.Result noEquals = eeprom("write", "5");
        assertThat(noEquals.err()).contains("expected WORD=VALUE");
        Cli.Result badMac = eeprom("write", "--mac", "02:00:00");
        assertThat(badMac.status()).isEqualTo(ExitCode.USAGE);
    }
}
