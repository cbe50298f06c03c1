package org.nicrig.host.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static org.nicrig.host.transport.TransportException.Reason.BUSY;
import static org.nicrig.host.transport.TransportException.Reason.CLOSED;
import static org.nicrig.host.transport.TransportException.Reason.IO;
import static org.nicrig.host.transport.TransportException.Reason.NOT_FOUND;
import static org.nicrig.host.transport.TransportException.Reason.PERMISSION_DENIED;

/**
 * A serial port through jSerialComm: {@code serial:/dev/ttyUSB0?baud=921600&parity=even}. Works
 * with UARTs, USB-serial adapters and the ptys socat makes (jSerialComm does not list
 * {@code /dev/pts/*}, but opens them by path; the ioctls a pty lacks, such as TIOCGSERIAL, fail
 * inside jSerialComm without failing the open).
 *
 * <p>Exclusive use: jSerialComm takes {@code flock(LOCK_EX | LOCK_NB)} on open, so a second
 * jSerialComm user — another nicrig — gets BUSY, naming the holder's pid when /proc/locks shows
 * it. A process that opens the device without a lock ({@code cat}, {@code screen}) is not
 * detected: Linux offers no general way to tell, and the two then split the incoming bytes.
 *
 * <p>Reads wait in 100 ms steps (termios VTIME, see termios(3)) so that {@link #close()} from
 * another thread ends a blocked read within about that long. A read failing with EIO means the
 * device is gone (the pty's owner exited, the adapter was unplugged): reason CLOSED.
 */
public final class SerialTransport implements Transport {

    /** How long one native read waits; also the most a blocked read delays {@link #close()}. */
    private static final int POLL_MILLIS = 100;
    /** How long close() waits for a write stuck on a full output queue before closing anyway. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** Real paths of the ports open in this JVM: flock would not stop a second open from here. */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();

    private final Path device;
    private final SerialSettings settings;
    private final String name;
    /** Read/write hold it shared, close() exclusively: the native handle never closes under them. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object writeOrder = new Object();
    private volatile SerialPort port;
    private volatile boolean closed;
    private Path realPath;

    public SerialTransport(Path device, SerialSettings settings) {
        this.device = Objects.requireNonNull(device, "device");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = "serial:" + device;
    }

    /** From {@code serial:/ABSOLUTE/PATH?params}; see {@link SerialSettings#fromUri} for the parameters. */
    public static SerialTransport fromUri(TransportUri uri) throws TransportException {
        String path = uri.target();
        if (!path.startsWith("/") || path.length() < 2) {
            throw uri.bad("expected an absolute device path, e.g. serial:/dev/ttyUSB0?baud=921600");
        }
        return new SerialTransport(Path.of(path), SerialSettings.fromUri(uri));
    }

    @Override
    public String name() {
        return name;
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public void open() throws TransportException {
        lifecycle.writeLock().lock();
        try {
            if (closed || port != null) {
                throw new IllegalStateException(name + ": open() called twice or after close()");
            }
            Path real = DeviceFile.check(device, name);
            if (!OPEN_HERE.add(real)) {
                throw new TransportException(name, BUSY, "port is busy: already open in this process");
            }
            try {
                port = openNative(real);
                realPath = real;
            } catch (TransportException | RuntimeException e) {
                OPEN_HERE.remove(real);
                throw e;
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private SerialPort openNative(Path real) throws TransportException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(real.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new TransportException(name, NOT_FOUND, "port does not exist", e);
        }
        if (!real.toString().equals(p.getSystemPortPath())) {
            // the file vanished after the check and jSerialComm guessed another one (see DeviceFile)
            throw new TransportException(name, NOT_FOUND, "port does not exist");
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        p.setFlowControl(flowControl(settings.flowControl()));
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, POLL_MILLIS, 0);
        if (!p.openPort()) {
            throw openFailure(p, real);
        }
        return p;
    }

    private TransportException openFailure(SerialPort p, Path real) {
        int errno = p.getLastErrorCode();
        String where = " (" + Errno.describe(errno) + " at jSerialComm native line " + p.getLastErrorLocation() + ")";
        Errno e = Errno.of(errno).orElse(null);
        if (e == null) {
            return new TransportException(name, IO, "cannot open" + where);
        }
        return switch (e) {
            case EAGAIN, EBUSY -> new TransportException(name, BUSY, "port is busy: "
                    + LockHolder.of(real).map(h -> "locked by another process, " + h)
                    .orElse("another process holds it") + where);
            case EACCES, EPERM -> new TransportException(name, PERMISSION_DENIED,
                    "permission denied" + DeviceFile.owner(real) + where);
            // jSerialComm also reports 2 when its own table says the port is open in this JVM
            case ENOENT -> Files.exists(real)
                    ? new TransportException(name, BUSY, "port is busy: already open in this process" + where)
                    : new TransportException(name, NOT_FOUND, "port does not exist" + where);
            case ENXIO, ENODEV -> new TransportException(name, NOT_FOUND, "no device behind the port" + where);
            case ENOTTY, EISDIR -> new TransportException(name, IO, "not a serial device" + where);
            case EINVAL -> new TransportException(name, IO,
                    "port rejected the settings " + settings.summary() + where);
            default -> new TransportException(name, IO, "cannot open" + where);
        };
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        long timeout = settings.readTimeout().toNanos();
        long start = System.nanoTime();
        while (true) {
            Lock shared = lifecycle.readLock();
            shared.lock();
            try {
                SerialPort p = usablePort();
                if (p == null) {
                    return -1;
                }
                int n = p.readBytes(buf, len, off);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    throw ioFailure(p, "read");
                }
            } finally {
                shared.unlock();
            }
            if (timeout > 0 && System.nanoTime() - start >= timeout) {
                return 0;
            }
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            synchronized (writeOrder) {
                SerialPort p = usablePort();
                if (p == null) {
                    throw new TransportException(name, CLOSED, "transport is closed");
                }
                for (int done = 0; done < len; ) {
                    int n = p.writeBytes(buf, len - done, off + done);
                    if (n <= 0) {
                        throw ioFailure(p, "write");
                    }
                    done += n;
                }
            }
        } finally {
            shared.unlock();
        }
    }

    /** The open port, null once closed; a call before open() is a programming error. */
    private SerialPort usablePort() {
        SerialPort p = port;
        if (closed) {
            return null;
        }
        if (p == null) {
            throw new IllegalStateException(name + ": not open");
        }
        return p;
    }

    private TransportException ioFailure(SerialPort p, String op) {
        int errno = p.getLastErrorCode();
        // A tty whose other side hung up (pty master closed, USB adapter gone) fails reads and
        // writes with EIO (tty(4), pty(7)); a read already waiting when the hang-up comes returns
        // 0 instead, and jSerialComm then reports -1 with no errno at all.
        if (errno == 0) {
            return new TransportException(name, CLOSED, "port vanished (" + op + ": the device hung up)");
        }
        if (errno == Errno.EIO.code || errno == Errno.ENXIO.code || errno == Errno.ENODEV.code) {
            return new TransportException(name, CLOSED, "port vanished (" + op + ": " + Errno.describe(errno) + ")");
        }
        return new TransportException(name, IO, op + " failed: " + Errno.describe(errno));
    }

    @Override
    public void close() {
        closed = true; // a reader sees it at its next 100 ms step and returns -1
        Lock exclusive = lifecycle.writeLock();
        boolean locked = false;
        try {
            locked = exclusive.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // without the lock only a write stuck on a full queue is inside; closePort's
            // tcflush discards that queue and the write then fails, which is what close means
            SerialPort p = port;
            port = null;
            if (p != null) {
                p.closePort();
                OPEN_HERE.remove(realPath);
            }
        } finally {
            if (locked) {
                exclusive.unlock();
            }
        }
    }

    @Override
    public boolean isOpen() {
        return port != null && !closed;
    }

    @Override
    public String toString() {
        return name + " " + settings.summary();
    }

    private static int parity(SerialSettings.Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int stopBits(SerialSettings.StopBits s) {
        return switch (s) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int flowControl(SerialSettings.FlowControl f) {
        return switch (f) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
