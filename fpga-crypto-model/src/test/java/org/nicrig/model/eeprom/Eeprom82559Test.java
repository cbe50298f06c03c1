package org.nicrig.model.eeprom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.MacAddress;

/**
 * The 82559 EEPROM image. The rule checked is the one the Linux e100 driver enforces at probe
 * (drivers/net/ethernet/intel/e100.c, e100_eeprom_load): the 16-bit sum of all 64 words,
 * checksum word included, is 0xBABA.
 */
class Eeprom82559Test {

    private static int sum(int[] words) {
        return Arrays.stream(words).sum() & 0xFFFF;
    }

    @Property(tries = 200)
    void aFreshImageSumsTo0xBabaAndHoldsItsMac(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long mac,
                                               @ForAll @IntRange(max = 0xFFFF) int subVendor,
                                               @ForAll @IntRange(max = 0xFFFF) int subId) {
        Eeprom82559 e = Eeprom82559.create(new MacAddress(mac), subVendor, subId);
        assertThat(sum(e.snapshot())).isEqualTo(Eeprom82559.CHECKSUM);
        assertThat(e.checksumOk()).isTrue();
        assertThat(e.mac()).isEqualTo(new MacAddress(mac));
        assertThat(e.read(Eeprom82559.SUBSYSTEM_VENDOR_WORD)).isEqualTo(subVendor);
        assertThat(e.read(Eeprom82559.SUBSYSTEM_ID_WORD)).isEqualTo(subId);
    }

    @Test
    void macWordsAreLowByteFirst() {
        Eeprom82559 e = Eeprom82559.create(MacAddress.parse("00:a0:c9:12:34:56"), 0x8086, 0x0070);
        assertThat(e.read(0)).isEqualTo(0xA000);
        assertThat(e.read(1)).isEqualTo(0x12C9);
        assertThat(e.read(2)).isEqualTo(0x5634);
    }

    @Test
    void anyChangedWordBreaksTheChecksumAndFixChecksumRepairsIt() {
        Eeprom82559 e = Eeprom82559.create(MacAddress.parse("02:00:00:00:00:01"), 0x8086, 0x0070);
        int before = e.read(Eeprom82559.CHECKSUM_WORD);
        e.write(0x10, e.read(0x10) + 1);
        assertThat(e.checksumOk()).isFalse();
        e.fixChecksum();
        assertThat(e.checksumOk()).isTrue();
        assertThat(e.read(Eeprom82559.CHECKSUM_WORD)).isEqualTo((before - 1) & 0xFFFF);
    }

    @Test
    void writesKeepSixteenBitsAndSnapshotsAreCopies() {
        Eeprom82559 e = Eeprom82559.create(MacAddress.parse("02:00:00:00:00:01"), 1, 2);
        e.write(5, 0x1_2345);
        assertThat(e.read(5)).isEqualTo(0x2345);
        int[] snap = e.snapshot();
        snap[5] = 0;
        assertThat(e.read(5)).isEqualTo(0x2345);
    }

    @Test
    void wordsOutside0To63AreRefusedWithTheRange() {
        Eeprom82559 e = Eeprom82559.create(MacAddress.parse("02:00:00:00:00:01"), 1, 2);
        assertThatThrownBy(() -> e.read(64)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0..63");
        assertThatThrownBy(() -> e.write(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
