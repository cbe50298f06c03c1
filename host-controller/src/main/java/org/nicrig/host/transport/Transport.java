package org.nicrig.host.transport;

/**
 * A byte pipe to one device: a serial port, a TCP port (e.g. ser2net), USB, or an in-process
 * emulated device. The session layer above frames and matches messages; a transport only moves
 * bytes and says, with a {@link TransportException.Reason}, why it could not.
 *
 * <p>Lifecycle: created unopened, {@link #open()} once, {@link #close()} once (idempotent). A
 * failed {@code open()} leaves the transport unopened, so the caller may retry.
 *
 * <p>Threading: one reader thread calls {@link #read}; any threads may call {@link #write}
 * (writes are serialised: the bytes of one call are never interleaved with another's); any thread
 * may call {@link #close()}, which also ends a blocked {@code read}.
 *
 * <p>End of stream, the same for every implementation:
 * <ul>
 *   <li>{@code read} returns -1 only after this side called {@link #close()} — an orderly local
 *       shutdown the reader thread should expect;</li>
 *   <li>if the other end goes away (TCP peer closed or reset, the pty's owner exited, a USB-serial
 *       adapter was unplugged) {@code read} and {@code write} throw {@link TransportException}
 *       with reason {@link TransportException.Reason#CLOSED CLOSED}: a device does not end its
 *       stream in normal operation, so this is an error that names the port, never a silent -1.</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /** Names the port for messages, e.g. {@code serial:/dev/ttyUSB0} or {@code tcp://rig1:4001}. */
    String name();

    /**
     * Opens the port. Throws with reason NOT_FOUND, BUSY, PERMISSION_DENIED, REFUSED, UNREACHABLE
     * or IO, the message naming the port and the cause.
     *
     * @throws IllegalStateException if already opened or closed (a programming error)
     */
    void open() throws TransportException;

    /**
     * Reads at least one byte, blocking until some arrive. Returns the number read (1..len), 0 if
     * {@code len} is 0 or a read timeout was configured and passed with no data, or -1 once this
     * transport has been closed locally (a blocked read returns within a short, bounded time).
     *
     * @throws TransportException CLOSED if the peer went away, IO on any other failure
     * @throws IllegalStateException if not yet opened
     */
    int read(byte[] buf, int off, int len) throws TransportException;

    /**
     * Writes all {@code len} bytes or throws. Thread-safe; concurrent calls do not interleave.
     *
     * @throws TransportException CLOSED if this transport or the peer is closed, IO otherwise
     * @throws IllegalStateException if not yet opened
     */
    void write(byte[] buf, int off, int len) throws TransportException;

    /** Closes the port and releases it for other processes. Idempotent; never throws. */
    @Override
    void close();

    /** True between a successful {@link #open()} and {@link #close()}. */
    boolean isOpen();
}
