package org.nicrig.host.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nicrig.host.report.AtomicFile;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;

/** Image files: read and checked with the byte offset of any fault; written whole or not at all. */
public final class ImageFiles {
    /** The format's own limit: a payload length is a u32. Java arrays stop a little earlier. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private ImageFiles() {
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws ImageFileException   the file is there but not a well-formed image (offset and reason)
     * @throws IOException          it cannot be read (NoSuchFileException names it)
     */
    public static FirmwareImage read(Path file) throws IOException {
        byte[] bytes = bytes(file, "an image");
        try {
            return FirmwareImage.parse(bytes);
        } catch (ImageFormatException e) {
            throw new ImageFileException(file, e);
        }
    }

    /**
     * A file's bytes; refuses a directory or a file past what an image can hold.
     *
     * @param what what the file should be, for messages: "an image", "a payload"
     */
    public static byte[] bytes(Path file, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FirmwareFileException(file, "is a directory, not " + what);
        }
        if (Files.exists(file) && Files.size(file) > MAX_SIZE) {
            throw new FirmwareFileException(file, "is " + Files.size(file) + " bytes, larger than " + what + " can be");
        }
        return Files.readAllBytes(file);
    }

    /** Writes {@code image} to {@code file}, replacing it atomically (never half-written). */
    public static void write(Path file, FirmwareImage image) throws IOException {
        byte[] bytes = image.toBytes();
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** A file that is not a well-formed image: {@code FILE: bad firmware image at byte N: what}. */
    public static final class ImageFileException extends IOException {
        private final transient Path file;
        private final long offset;

        ImageFileException(Path file, ImageFormatException cause) {
            super(file + ": " + cause.getMessage(), cause);
            this.file = file;
            this.offset = cause.offset();
        }

        public Path file() {
            return file;
        }

        public long offset() {
            return offset;
        }
    }
}
