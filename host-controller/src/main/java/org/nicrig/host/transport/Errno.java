package org.nicrig.host.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Linux errno values that jSerialComm passes on through {@code SerialPort.getLastErrorCode()},
 * with glibc's strerror text, so a message can say "Input/output error" rather than "5".
 * Numbers from Linux include/uapi/asm-generic/errno-base.h; other systems number differently,
 * and an unknown number is shown as it is.
 */
enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "Input/output error"),
    ENXIO(6, "No such device or address"),
    EBADF(9, "Bad file descriptor"),
    EAGAIN(11, "Resource temporarily unavailable"),
    EACCES(13, "Permission denied"),
    EBUSY(16, "Device or resource busy"),
    ENODEV(19, "No such device"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENOTTY(25, "Inappropriate ioctl for device");

    final int code;
    final String text;

    Errno(int code, String text) {
        this.code = code;
        this.text = text;
    }

    static Optional<Errno> of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }

    /** {@code "Input/output error (EIO)"}, or {@code "errno 71"} for a number not listed here. */
    static String describe(int code) {
        return of(code).map(e -> e.text + " (" + e.name() + ")").orElse("errno " + code);
    }
}
