package org.nicrig.model.firmware;

import java.util.Objects;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;

/**
 * What one firmware slot holds: nothing (erased), the factory firmware the unit shipped with, or
 * a firmware image as it was flashed (FIRMWARE-IMAGE.md). The factory firmware needs no bytes:
 * its manifest is the hardware profile's own version and capabilities.
 */
public sealed interface SlotContent {
    Empty EMPTY = new Empty();
    Factory FACTORY = new Factory();

    /** An erased slot: it cannot boot. */
    record Empty() implements SlotContent {
        @Override
        public String toString() {
            return "empty";
        }
    }

    /** The firmware programmed at the factory (the profile's version, capabilities and rates). */
    record Factory() implements SlotContent {
        @Override
        public String toString() {
            return "factory firmware";
        }
    }

    /** A flashed image, byte for byte. */
    record Image(Bytes bytes) implements SlotContent {
        public Image {
            Objects.requireNonNull(bytes, "bytes");
        }

        public static Image of(byte[] image) {
            return new Image(Bytes.copyOf(image));
        }

        /** SHA-256 of the image: how the directory memory names and checks the slot's file. */
        public byte[] sha256() {
            return Sha256.of(bytes.toArray());
        }

        @Override
        public String toString() {
            return "image of " + bytes.length() + " bytes";
        }
    }
}
