package org.nicrig.host.transport;

import java.util.OptionalInt;

/**
 * One interface of a device's active configuration, alternate setting 0 (the one a fresh claim
 * gets, USB 2.0 §9.6.5): its number, class triple, and its first bulk IN and bulk OUT endpoint
 * addresses if it has them.
 */
public record UsbInterfaceInfo(int number, int interfaceClass, int subclass, int protocol,
                               OptionalInt bulkIn, OptionalInt bulkOut) {

    /** bInterfaceClass 0xFF: vendor-specific (USB-IF defined class codes). */
    public static final int VENDOR_SPECIFIC = 0xFF;

    /** True if this interface can carry nicrig's byte stream: bulk IN and bulk OUT. */
    public boolean hasBulkPair() {
        return bulkIn.isPresent() && bulkOut.isPresent();
    }

    /** True for a vendor-specific interface with bulk IN and OUT, the kind a nicrig device offers. */
    public boolean isNicrigCandidate() {
        return interfaceClass == VENDOR_SPECIFIC && hasBulkPair();
    }

    /** E.g. {@code interface 1 class 0xff (bulk IN 0x81, OUT 0x01)}. */
    public String describe() {
        String s = String.format("interface %d class 0x%02x", number, interfaceClass);
        if (hasBulkPair()) {
            return s + String.format(" (bulk IN 0x%02x, OUT 0x%02x)", bulkIn.getAsInt(), bulkOut.getAsInt());
        }
        return s + " (no bulk IN+OUT pair)";
    }
}
