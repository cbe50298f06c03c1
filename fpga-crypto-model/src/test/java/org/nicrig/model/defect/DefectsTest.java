package org.nicrig.model.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefectsTest {

    @Test
    void vocabularyHasNineEngineAndFiveDeviceDefects() {
        assertThat(Defect.values()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(Arrays.stream(Defect.values()).filter(d -> d.level() == Defect.Level.ENGINE))
                .containsExactlyInAnyOrder(Defect.IV_REUSE, Defect.SEQ_NOT_INCREMENTED, Defect.ESN_HIGH_NOT_IN_ICV,
                        Defect.PAD_LENGTH_OFF_BY_ONE, Defect.WRONG_NEXT_HEADER, Defect.ICV_TRUNCATED_SHORT,
                        Defect.SPI_BYTE_SWAPPED, Defect.REPLAY_WINDOW_OFF_BY_ONE, Defect.ACCEPTS_BAD_ICV);
        assertThat(Arrays.stream(Defect.values()).filter(d -> d.level() == Defect.Level.DEVICE)).hasSize(5);
    }

    @Test
    void sameSeedSameChoicesAndDefectsHaveTheirOwnStreams() {
        Defects a = Defects.of(1234, Defect.DROP_EVERY_NTH_JOB, Defect.JOB_ANSWERED_TWICE);
        Defects b = Defects.of(1234, EnumSet.of(Defect.DROP_EVERY_NTH_JOB));
        Defects c = Defects.of(1235, Defect.DROP_EVERY_NTH_JOB);

        long[] first = a.random(Defect.DROP_EVERY_NTH_JOB).longs(5).toArray();
        assertThat(b.random(Defect.DROP_EVERY_NTH_JOB).longs(5).toArray()).isEqualTo(first);
        assertThat(c.random(Defect.DROP_EVERY_NTH_JOB).longs(5).toArray()).isNotEqualTo(first);
        assertThat(a.random(Defect.JOB_ANSWERED_TWICE).longs(5).toArray()).isNotEqualTo(first);
    }

    @Test
    void activeSetIsACopyAndImmutable() {
        Set<Defect> source = new HashSet<>(Set.of(Defect.IV_REUSE));
        Defects d = new Defects(source, 1);
        source.add(Defect.ACCEPTS_BAD_ICV);

        assertThat(d.has(Defect.IV_REUSE)).isTrue();
        assertThat(d.has(Defect.ACCEPTS_BAD_ICV)).isFalse();
        assertThat(Defects.NONE.isEmpty()).isTrue();
        assertThat(Defects.of(0).isEmpty()).isTrue();
    }

    @Test
    void defectsMdDescribesEveryDefect() throws Exception {
        String doc = Files.readString(Path.of("DEFECTS.md"));
        for (Defect d : Defect.values()) {
            assertThat(doc).as("DEFECTS.md section for %s", d).contains("## " + d.name());
        }
        assertThat(doc).doesNotContain("(pending)");
    }
}
