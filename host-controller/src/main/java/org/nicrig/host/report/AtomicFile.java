package org.nicrig.host.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that it is either absent (or the previous version) or complete, never half
 * written (design invariants 3, 4): the content goes to a hidden temporary file in the same
 * directory, is forced to disk, and is renamed over the target with {@code ATOMIC_MOVE} (POSIX
 * rename(2)). If the body throws, the temporary file is deleted and the target is untouched.
 */
public final class AtomicFile {

    /** Writes the content; must not close {@code out} (closing is ignored). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = complete(absolute, body, false);
        try {
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot write " + target + " atomically: " + e.getMessage(), e);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * As {@link #write}, for a file that must not exist yet (a key file): an existing target is
     * left alone and {@link FileAlreadyExistsException} thrown, even when another process creates
     * it meanwhile, since the complete file is put in place with link(2), which never replaces.
     *
     * @param ownerOnly mode 0600 where the file system has POSIX permissions (a private key);
     *                  else 0644
     */
    public static void create(Path target, boolean ownerOnly, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path tmp = complete(absolute, body, ownerOnly);
        try {
            try {
                Files.createLink(absolute, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                // no hard links here (some network and FAT file systems): a move that does not replace
                Files.move(tmp, absolute);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
        Files.deleteIfExists(tmp);
        syncDirectory(dir);
    }

    /** The content, complete and forced to disk, in a hidden temporary file beside {@code absolute}. */
    private static Path complete(Path absolute, Body body, boolean ownerOnly) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            if (!ownerOnly) {
                readableByOthers(tmp);
            }
            return tmp;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp, Throwable e) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** Temp files are created owner-only (0600); a report is an artifact others (CI) read. */
    private static void readableByOthers(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the default permissions stand
        }
    }

    /** Makes the rename itself durable; best effort, as not every platform can open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file is complete either way; only its survival of a power cut is less certain
        }
    }
}
