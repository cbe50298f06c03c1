package org.nicrig.model.server;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The device end of a serial line through jSerialComm: a UART, a USB-serial adapter, or one end
 * of a socat pty pair ({@code socat pty,raw,echo=0,link=/tmp/dev pty,raw,echo=0,link=/tmp/host}).
 * 8N1, no flow control; the baud rate matters only on a real UART.
 *
 * <p>The path is checked before jSerialComm sees it, because for a path that does not exist
 * jSerialComm quietly tries {@code /dev/} plus the name instead ({@code /tmp/x/ttyS0} would open
 * {@code /dev/ttyS0}). Open failures are one-line IOExceptions naming the port and the reason.
 * Reads wait in 100 ms steps so that {@link #close()} ends a blocked read promptly.
 */
public final class SerialChannel implements ByteChannel {
    public static final int DEFAULT_BAUD = 115_200;
    private static final int POLL_MILLIS = 100;
    // errno values of Linux (asm-generic/errno-base.h) that jSerialComm passes on
    private static final int ENOENT = 2;
    private static final int EIO = 5;
    private static final int ENXIO = 6;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;
    private static final int EISDIR = 21;
    private static final int ENOTTY = 25;

    private final String name;
    private final SerialPort port;
    private final Object writeLock = new Object();
    private volatile boolean closed;

    private SerialChannel(String name, SerialPort port) {
        this.name = name;
        this.port = port;
    }

    public static SerialChannel open(Path path) throws IOException {
        return open(path, DEFAULT_BAUD);
    }

    /** Opens {@code path} (links followed) for exclusive use; jSerialComm locks it with flock. */
    public static SerialChannel open(Path path, int baud) throws IOException {
        String name = "serial:" + path;
        if (!Files.exists(path)) {
            throw new IOException(name + ": port does not exist" + (Files.isSymbolicLink(path) ? " (dangling link)" : ""));
        }
        Path real = path.toRealPath();
        if (Files.isDirectory(real)) {
            throw new IOException(name + ": not a serial device (" + real + " is a directory)");
        }
        if (!Files.isReadable(real) || !Files.isWritable(real)) {
            throw new IOException(name + ": permission denied (" + real + " must be readable and writable)");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(real.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(name + ": port does not exist", e);
        }
        if (!real.toString().equals(p.getSystemPortPath())) {
            // the file vanished between the check and here, and jSerialComm picked another one
            throw new IOException(name + ": port does not exist");
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, POLL_MILLIS, 0);
        if (!p.openPort()) {
            throw new IOException(name + ": " + openFailure(p.getLastErrorCode(), real));
        }
        return new SerialChannel(name, p);
    }

    private static String openFailure(int errno, Path real) {
        return switch (errno) {
            case EAGAIN, EBUSY -> "port is busy (another process has it open)";
            // jSerialComm also says ENOENT when the port is already open in this JVM
            case ENOENT -> Files.exists(real) ? "port is busy (already open in this process)" : "port does not exist";
            case EACCES -> "permission denied";
            case ENXIO, ENODEV -> "no device behind the port";
            case ENOTTY, EISDIR -> "not a serial device";
            default -> "cannot open (errno " + errno + ")";
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        while (!closed) {
            int n = port.readBytes(buf, len, off);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                if (closed) {
                    break;
                }
                int errno = port.getLastErrorCode();
                // the far side hung up (pty master closed, adapter pulled): tty(4) reports EIO
                if (errno == 0 || errno == EIO || errno == ENXIO || errno == ENODEV) {
                    return -1;
                }
                throw new IOException(name + ": read failed (errno " + errno + ")");
            }
        }
        return -1;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        synchronized (writeLock) {
            for (int done = 0; done < len; ) {
                if (closed) {
                    throw new IOException(name + ": closed");
                }
                int n = port.writeBytes(buf, len - done, off + done);
                if (n <= 0) {
                    throw new IOException(name + ": write failed (errno " + port.getLastErrorCode() + ")");
                }
                done += n;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        port.closePort();
    }
}
