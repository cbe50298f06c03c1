package org.nicrig.host.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds which process holds a lock on a device file, to name it in a BUSY message. jSerialComm
 * takes {@code flock(LOCK_EX | LOCK_NB)} on open, so a second opener gets EAGAIN without learning
 * who is in the way; Linux lists every lock in {@code /proc/locks} (proc(5)) as
 * {@code "1: FLOCK  ADVISORY  WRITE 4827 00:1a:3 0 EOF"}: pid, then the file's device as hex
 * major:minor and its inode. Best effort: on other systems, or without access, it finds nothing.
 */
final class LockHolder {

    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private LockHolder() {
    }

    /** {@code "pid 4827 (java)"} for a process other than this one holding a lock on {@code file}. */
    static Optional<String> of(Path file) {
        try {
            long dev = (Long) Files.getAttribute(file, "unix:dev");
            long ino = (Long) Files.getAttribute(file, "unix:ino");
            return holderPid(Files.readAllLines(PROC_LOCKS), major(dev), minor(dev), ino)
                    .map(pid -> "pid " + pid + command(pid).map(c -> " (" + c + ")").orElse(""));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> holderPid(List<String> procLocks, long major, long minor, long ino) {
        long self = ProcessHandle.current().pid();
        for (String line : procLocks) {
            String[] f = line.trim().split("\\s+");
            // "N:" TYPE KIND MODE PID MAJ:MIN:INO START END; a blocked waiter has "->" after "N:"
            if (f.length < 6 || f[1].equals("->")) {
                continue;
            }
            String[] id = f[5].split(":");
            if (id.length != 3) {
                continue;
            }
            try {
                long pid = Long.parseLong(f[4]);
                if (Long.parseLong(id[0], 16) == major && Long.parseLong(id[1], 16) == minor
                        && Long.parseLong(id[2]) == ino && pid != self) {
                    return Optional.of(pid);
                }
            } catch (NumberFormatException e) {
                // a line in a format this code does not know; skip it
            }
        }
        return Optional.empty();
    }

    // glibc's gnu_dev_major / gnu_dev_minor: how a 64-bit st_dev packs major and minor
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
    }

    private static Optional<String> command(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
