package org.nicrig.protocol.image;

/** An image that is not a well-formed nicrig firmware image; says at which byte and what is wrong. */
public final class ImageFormatException extends Exception {
    private final long offset;

    public ImageFormatException(long offset, String what) {
        super("bad firmware image at byte " + offset + ": " + what);
        this.offset = offset;
    }

    /** The byte of the image where the problem was found. */
    public long offset() {
        return offset;
    }
}
