package org.nicrig.host.transport;

/**
 * libusb's error codes ({@code enum libusb_error} in libusb.h, libusb 1.0 API reference,
 * "Miscellaneous"), so that messages can name the exact code without loading the native library.
 */
enum UsbError {
    SUCCESS(0),
    IO(-1),
    INVALID_PARAM(-2),
    ACCESS(-3),
    NO_DEVICE(-4),
    NOT_FOUND(-5),
    BUSY(-6),
    TIMEOUT(-7),
    OVERFLOW(-8),
    PIPE(-9),
    INTERRUPTED(-10),
    NO_MEM(-11),
    NOT_SUPPORTED(-12),
    OTHER(-99);

    final int code;

    UsbError(int code) {
        this.code = code;
    }

    /** The error for a libusb return code; any code libusb does not define is OTHER. */
    static UsbError of(int code) {
        for (UsbError e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return OTHER;
    }

    /** The name libusb_error_name() gives, e.g. {@code LIBUSB_ERROR_BUSY}. */
    String libusbName() {
        return this == SUCCESS ? "LIBUSB_SUCCESS" : "LIBUSB_ERROR_" + name();
    }
}
