package org.nicrig.model.firmware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;

/**
 * Non-volatile memory in a directory: {@code state} (text, {@link StateFile}) and one file per
 * stored image, named after its hash ({@code slot-B-9f86d081884c7d65.img}).
 *
 * <p>Why a crash leaves the old state or the new one: every file is written to a temporary file,
 * forced to disk and renamed over its target with ATOMIC_MOVE (rename(2) replaces a file in one
 * step), and the directory is forced after the rename. Image files are written before the state
 * that names them and never overwritten (a new image gets a new name), so until the rename of
 * {@code state} the old state still finds every file it names; files no state names any more, and
 * temporary files of a write that was cut short, are deleted afterwards and at the next open.
 */
final class DirectoryNvm implements NonVolatileMemory {
    static final String STATE = "state";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private NvmState state;

    private DirectoryNvm(Path dir, NvmState state) {
        this.dir = dir;
        this.state = state;
    }

    static DirectoryNvm open(Path dir) throws NvmException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new NvmException(d, "not a directory (nvm= names the directory where the device keeps its memory)");
        }
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new NvmException(d, "cannot create the device memory directory: " + IoReason.of(e), e);
        }
        if (!Files.isWritable(d)) {
            throw new NvmException(d, "the device memory directory is not writable");
        }
        DirectoryNvm nvm = new DirectoryNvm(d, load(d));
        nvm.removeUnreferenced();
        return nvm;
    }

    private static NvmState load(Path dir) throws NvmException {
        Path file = dir.resolve(STATE);
        if (!Files.exists(file)) {
            return null; // blank: the device formats it at power-on
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new NvmException(file, "cannot read the device memory state: " + IoReason.of(e), e);
        }
        StateFile.Parsed p = StateFile.decode(file, text);
        SlotContent a = content(dir, Slot.A, p.slots().get(Slot.A));
        SlotContent b = content(dir, Slot.B, p.slots().get(Slot.B));
        try {
            return new NvmState(a, b, p.boot(), p.committed(), p.rollbackFloor(),
                    java.util.Arrays.stream(p.eeprom()).boxed().toList());
        } catch (IllegalArgumentException e) {
            throw new NvmException(file, e.getMessage() + " (corrupt device memory state)");
        }
    }

    private static SlotContent content(Path dir, Slot slot, StateFile.SlotRef ref) throws NvmException {
        if (ref instanceof StateFile.SlotRef.Plain p) {
            return p.content();
        }
        StateFile.SlotRef.ImageRef i = (StateFile.SlotRef.ImageRef) ref;
        Path file = dir.resolve(StateFile.imageFileName(slot, i.sha256()));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NvmException(file, "slot " + slot + "'s image named by " + STATE + " cannot be read: " + IoReason.of(e), e);
        }
        if (bytes.length != i.length() || !MessageDigest.isEqual(Sha256.of(bytes), i.sha256())) {
            throw new NvmException(file, "slot " + slot + "'s image is " + bytes.length + " bytes with SHA-256 "
                    + HexFormat.of().formatHex(Sha256.of(bytes)) + "; " + STATE + " says " + i.length() + " bytes with "
                    + HexFormat.of().formatHex(i.sha256()) + " (corrupt device memory)");
        }
        return new SlotContent.Image(Bytes.wrap(bytes));
    }

    @Override
    public synchronized Optional<NvmState> read() {
        return Optional.ofNullable(state);
    }

    @Override
    public synchronized void write(NvmState next) throws NvmException {
        for (Slot s : Slot.values()) {
            if (next.slot(s) instanceof SlotContent.Image i) {
                Path file = dir.resolve(StateFile.imageFileName(s, i.sha256()));
                if (!Files.exists(file)) {
                    replace(file, i.bytes().toArray());
                }
            }
        }
        replace(dir.resolve(STATE), StateFile.encode(next).getBytes(StandardCharsets.US_ASCII));
        state = next;
        removeUnreferenced();
    }

    /** Temporary file, force, atomic rename, force the directory. */
    private void replace(Path target, byte[] content) throws NvmException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, target.getFileName() + "-", TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            forceDirectory();
        } catch (AtomicMoveNotSupportedException e) {
            throw new NvmException(target, "this file system cannot rename atomically, so the device memory could be torn", e);
        } catch (IOException e) {
            throw new NvmException(target, "cannot write the device memory: " + IoReason.of(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed at the next open
                }
            }
        }
    }

    /** The rename is only durable once the directory is on disk too (fsync(2) on the directory). */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the rename itself is still atomic
        }
    }

    /** Deletes image files no slot of the current state names, and temporary files of cut-short writes. */
    private void removeUnreferenced() {
        Set<String> keep = new HashSet<>();
        keep.add(STATE);
        if (state != null) {
            for (Slot s : Slot.values()) {
                if (state.slot(s) instanceof SlotContent.Image i) {
                    keep.add(StateFile.imageFileName(s, i.sha256()));
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean ours = name.endsWith(TEMP_SUFFIX) || (name.startsWith("slot-") && name.endsWith(".img"));
                if (ours && !keep.contains(name)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // a stale file costs only space; the next write tries again
        }
    }

    @Override
    public String toString() {
        return "nvm " + dir;
    }
}
