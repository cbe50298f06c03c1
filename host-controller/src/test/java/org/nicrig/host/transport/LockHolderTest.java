package org.nicrig.host.transport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LockHolderTest {

    /** glibc's makedev (sys/sysmacros.h), the inverse of what LockHolder decodes. */
    private static long makedev(long major, long minor) {
        return (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
    }

    @Test
    void decodesMajorAndMinorOfSmallAndLargeDeviceNumbers() {
        for (long[] mm : new long[][] {{0, 26}, {136, 3}, {259, 70_000}, {4095, 255}, {4096, 256}}) {
            long dev = makedev(mm[0], mm[1]);
            assertThat(LockHolder.major(dev)).as("major of %d:%d", mm[0], mm[1]).isEqualTo(mm[0]);
            assertThat(LockHolder.minor(dev)).as("minor of %d:%d", mm[0], mm[1]).isEqualTo(mm[1]);
        }
    }

    @Test
    void findsTheHolderOfTheMatchingFileAndSkipsWaiters() {
        // lines as /proc/locks printed them on Linux 6.x while a jSerialComm process held /dev/pts/0
        List<String> procLocks = List.of(
                "1: FLOCK  ADVISORY  WRITE 4827 00:1a:3 0 EOF",
                "1: -> FLOCK  ADVISORY  WRITE 5001 00:1a:3 0 EOF",
                "2: FLOCK  ADVISORY  WRITE 4828 fe:00:2154497 0 EOF",
                "3: POSIX  ADVISORY  WRITE 900 00:1a:4 0 EOF");

        assertThat(LockHolder.holderPid(procLocks, 0, 0x1a, 3)).contains(4827L);
        assertThat(LockHolder.holderPid(procLocks, 0xfe, 0, 2154497)).contains(4828L);
        assertThat(LockHolder.holderPid(procLocks, 0, 0x1a, 4)).contains(900L);
        assertThat(LockHolder.holderPid(procLocks, 0, 0x1a, 5)).isEmpty();
    }

    @Test
    void ignoresLocksThisProcessHoldsAndLinesItCannotRead() {
        long self = ProcessHandle.current().pid();
        List<String> procLocks = List.of(
                "1: FLOCK  ADVISORY  WRITE " + self + " 00:1a:3 0 EOF",
                "garbage",
                "2: FLOCK  ADVISORY  WRITE notapid 00:1a:3 0 EOF");

        assertThat(LockHolder.holderPid(procLocks, 0, 0x1a, 3)).isEmpty();
    }
}
