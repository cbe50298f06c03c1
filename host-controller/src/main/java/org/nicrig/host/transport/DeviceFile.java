package org.nicrig.host.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import static org.nicrig.host.transport.TransportException.Reason.IO;
import static org.nicrig.host.transport.TransportException.Reason.NOT_FOUND;
import static org.nicrig.host.transport.TransportException.Reason.PERMISSION_DENIED;

/**
 * Checks a serial device file before jSerialComm sees it. jSerialComm's own answers are poor
 * here: for a path that does not exist, {@code SerialPort.getCommPort} tries {@code /dev/} plus
 * the path and then {@code /dev/} plus its last name, so {@code /tmp/x/tty} silently becomes
 * {@code /dev/tty}; and a failed open reports only an errno. So existence, kind and permission
 * are checked here first, and the real path (links resolved) is what jSerialComm gets.
 */
final class DeviceFile {

    private DeviceFile() {
    }

    /** The device's real path, or a NOT_FOUND / PERMISSION_DENIED / IO error naming the port. */
    static Path check(Path device, String name) throws TransportException {
        if (!Files.exists(device)) {
            String why = "port does not exist";
            if (Files.isSymbolicLink(device)) {
                try {
                    why += " (dangling link to " + Files.readSymbolicLink(device) + ")";
                } catch (IOException ignored) {
                    // the link vanished meanwhile; the plain message is still true
                }
            }
            throw new TransportException(name, NOT_FOUND, why);
        }
        Path real;
        try {
            real = device.toRealPath();
        } catch (IOException e) {
            throw new TransportException(name, NOT_FOUND, "port does not exist (" + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(real)) {
            throw new TransportException(name, IO, "not a serial device: " + real + " is a directory");
        }
        // access(2) for read and write, as open(O_RDWR) would check; root passes regardless of mode
        if (!Files.isReadable(real) || !Files.isWritable(real)) {
            throw new TransportException(name, PERMISSION_DENIED, "permission denied" + owner(real));
        }
        return real;
    }

    /** {@code " (crw-rw---- root:dialout)"}: what the user needs to fix access; empty if unknown. */
    static String owner(Path real) {
        try {
            PosixFileAttributes a = Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String kind = a.isOther() ? "c" : a.isRegularFile() ? "-" : "?";
            String hint = a.permissions().contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    ? "; is this user in group '" + a.group().getName() + "'?" : "";
            return " (" + kind + PosixFilePermissions.toString(a.permissions()) + " "
                    + a.owner().getName() + ":" + a.group().getName() + hint + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
