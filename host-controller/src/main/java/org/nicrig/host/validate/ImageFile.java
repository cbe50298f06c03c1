package org.nicrig.host.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;

/** An image file as read and parsed: its path, its bytes (what is flashed) and what they say. */
public record ImageFile(Path path, byte[] bytes, FirmwareImage image) {

    /**
     * @throws ValidationException {@code B.img: bad firmware image at byte 12: ...}, or a file that cannot be read
     */
    public static ImageFile read(Path path) throws ValidationException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ValidationException(path + ": no such file");
        } catch (IOException e) {
            throw new ValidationException(path + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return new ImageFile(path, bytes, FirmwareImage.parse(bytes));
        } catch (ImageFormatException e) {
            throw new ValidationException(path + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return image.manifest().version().toString();
    }
}
