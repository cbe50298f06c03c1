package org.nicrig.model.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.testing.Sas;

/** The memory in a directory: what survives, and how a damaged directory is reported. */
class DirectoryNvmTest {
    private static final long SEED = 41;

    private static NvmState sample() {
        SplittableRandom r = new SplittableRandom(SEED);
        int[] eeprom = new int[NvmState.EEPROM_WORDS];
        for (int i = 0; i < eeprom.length; i++) {
            eeprom[i] = r.nextInt(0x10000);
        }
        return NvmState.factory(eeprom)
                .withSlot(Slot.B, SlotContent.Image.of(Sas.bytes(r, 5000))).withCommitted(false).withBoot(Slot.B)
                .withSlot(Slot.A, SlotContent.Image.of(Sas.bytes(r, 777))).withCommitted(true)
                .withRollbackFloor(0xFFFF_FFFEL);
    }

    @Test
    void aNewMemoryOnTheSameDirectoryReadsWhatTheLastOneWrote(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nested/nic0");
        NonVolatileMemory first = NonVolatileMemory.directory(dir);
        assertThat(first.read()).as("a new directory is blank").isEmpty();
        NvmState s = sample();
        first.write(s);
        assertThat(NonVolatileMemory.directory(dir).read()).contains(s);

        NvmState next = s.withCommitted(false).withSlot(Slot.A, SlotContent.EMPTY);
        first.write(next);
        assertThat(NonVolatileMemory.directory(dir).read()).contains(next);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("slot A's image file went with the state that named it")
                    .containsExactly("slot-B-" + java.util.HexFormat.of().formatHex(((SlotContent.Image) s.slotB()).sha256(), 0, 8) + ".img",
                            "state");
        }
        assertThat(Files.readString(dir.resolve("state"))).contains("boot B").contains("rollback-floor 4294967294");
    }

    @Test
    void leftoversOfAWriteCutShortAreIgnoredAndRemoved(@TempDir Path dir) throws Exception {
        NvmState s = sample();
        NonVolatileMemory.directory(dir).write(s);
        // what a kill between writing a new image and renaming the new state leaves behind
        Files.write(dir.resolve("slot-A-0011223344556677.img"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("state-123.tmp"), "format 1\nboot");
        assertThat(NonVolatileMemory.directory(dir).read()).contains(s);
        assertThat(dir.resolve("slot-A-0011223344556677.img")).doesNotExist();
        assertThat(dir.resolve("state-123.tmp")).doesNotExist();
    }

    @Test
    void aCorruptStateFileIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        NonVolatileMemory.directory(dir).write(sample());
        Path state = dir.resolve("state");
        List<String> lines = Files.readAllLines(state);
        Files.write(state, lines.stream().map(l -> l.startsWith("boot") ? "boot C" : l).toList());
        int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("boot")).findFirst().orElseThrow()) + 1;
        assertThatThrownBy(() -> NonVolatileMemory.directory(dir)).isInstanceOf(NvmException.class)
                .hasMessage(state + ":" + line + ": expected slot A or B, found 'C' (corrupt device memory state)");

        Files.writeString(state, "format 1\nboot A\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> NonVolatileMemory.directory(dir)).isInstanceOf(NvmException.class)
                .hasMessageStartingWith(state + ":").hasMessageContaining("incomplete");

        Files.write(state, new byte[] {(byte) 0xFF, 0, 1});
        assertThatThrownBy(() -> NonVolatileMemory.directory(dir)).isInstanceOf(NvmException.class)
                .hasMessageStartingWith(state.toString());
    }

    @Test
    void aSlotFileThatDoesNotMatchTheStateIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        NvmState s = sample();
        NonVolatileMemory.directory(dir).write(s);
        Path slotB = dir.resolve(StateFile.imageFileName(Slot.B, ((SlotContent.Image) s.slotB()).sha256()));
        byte[] b = Files.readAllBytes(slotB);
        b[10] ^= 1;
        Files.write(slotB, b);
        assertThatThrownBy(() -> NonVolatileMemory.directory(dir)).isInstanceOf(NvmException.class)
                .hasMessageStartingWith(slotB + ": slot B's image is 5000 bytes").hasMessageContaining("corrupt");
        Files.delete(slotB);
        assertThatThrownBy(() -> NonVolatileMemory.directory(dir)).isInstanceOf(NvmException.class)
                .hasMessageStartingWith(slotB + ": slot B's image named by state cannot be read");
    }

    @Test
    void aPathThatIsAFileIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a directory");
        assertThatThrownBy(() -> NonVolatileMemory.directory(file)).isInstanceOf(NvmException.class)
                .hasMessage(file + ": not a directory (nvm= names the directory where the device keeps its memory)");
        assertThatThrownBy(() -> NonVolatileMemory.directory(file.resolve("below"))).isInstanceOf(NvmException.class)
                .hasMessageStartingWith(file.resolve("below") + ": cannot create");
    }

    @Test
    void statesThatCannotBeAreRefusedWhenBuilt() {
        int[] words = new int[NvmState.EEPROM_WORDS];
        NvmState f = NvmState.factory(words);
        assertThatThrownBy(() -> f.withCommitted(true)).hasMessageContaining("committed");
        assertThatThrownBy(() -> f.withBoot(Slot.B)).hasMessageContaining("slot B boots but is empty");
        assertThatThrownBy(() -> NvmState.factory(new int[3])).hasMessageContaining("64 words");
    }
}
