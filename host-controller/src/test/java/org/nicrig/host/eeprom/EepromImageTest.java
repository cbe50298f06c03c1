package org.nicrig.host.eeprom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.EepromWrite;
import org.nicrig.protocol.message.MacAddress;

class EepromImageTest {
    private static final List<Integer> ZEROS = Collections.nCopies(EepromImage.WORDS, 0);

    @Test
    void macWordsHaveTheFirstOctetInTheLowByte() {
        // PROTOCOL.md §5.19: "the MAC address 00:90:27:0a:0b:0c reads as words 0x9000, 0x0A27, 0x0C0B"
        assertThat(EepromImage.macWords(MacAddress.parse("00:90:27:0a:0b:0c"))).containsExactly(0x9000, 0x0A27, 0x0C0B);
        EepromImage e = new EepromImage(ZEROS).with(0, 0x9000).with(1, 0x0A27).with(2, 0x0C0B);
        assertThat(e.mac()).isEqualTo(MacAddress.parse("00:90:27:0a:0b:0c"));
    }

    @Test
    void theChecksumWordMakesTheSumBaba() {
        EepromImage zeros = new EepromImage(ZEROS);
        assertThat(zeros.checksumOk()).isFalse();
        assertThat(zeros.correctChecksumWord()).isEqualTo(0xBABA);
        assertThat(zeros.withChecksumFixed().word(63)).isEqualTo(0xBABA);
        assertThat(zeros.withChecksumFixed().checksumOk()).isTrue();
        // the sum wraps modulo 2^16: 0xFFFF + 0x0002 = 0x0001, so word 63 = 0xBABA - 1
        EepromImage wrap = zeros.with(0, 0xFFFF).with(1, 0x0002);
        assertThat(wrap.correctChecksumWord()).isEqualTo(0xBAB9);
    }

    @Property(tries = 200)
    void anyImageWithItsChecksumFixedSumsToBaba(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        EepromImage e = new EepromImage(ZEROS);
        for (int i = 0; i < EepromImage.WORDS; i++) {
            e = e.with(i, r.nextInt(0x10000));
        }
        EepromImage fixed = e.withChecksumFixed();
        assertThat(fixed.sum()).as("seed %d", seed).isEqualTo(0xBABA);
        assertThat(fixed.words().subList(0, 63)).as("seed %d", seed).isEqualTo(e.words().subList(0, 63));
    }

    @Test
    void wordsAndValuesOutsideTheEepromAreRefused() {
        EepromImage e = new EepromImage(ZEROS);
        assertThatThrownBy(() -> e.with(64, 1)).hasMessageContaining("EEPROM word 64 is outside 0..63");
        assertThatThrownBy(() -> e.with(1, 0x10000)).hasMessageContaining("outside 0x0000..0xffff");
        assertThatThrownBy(() -> new EepromImage(ZEROS.subList(0, 63))).hasMessageContaining("64 words");
    }

    @Test
    void changedWordsAreWrittenInRunsWithTheChecksumLast() {
        TreeMap<Integer, Integer> words = new TreeMap<>();
        words.put(63, 0x1111);
        words.put(0, 1);
        words.put(1, 2);
        words.put(2, 3);
        words.put(11, 4);
        words.put(13, 5);
        assertThat(EepromEditor.runs(words)).containsExactly(
                new EepromWrite(0, List.of(1, 2, 3)), new EepromWrite(11, List.of(4)), new EepromWrite(13, List.of(5)),
                new EepromWrite(63, List.of(0x1111)));
    }
}
