package org.nicrig.host.transport;

/**
 * Why a transport could not be opened or used. The message is one line that names the port and
 * the cause, e.g. {@code serial:/dev/ttyUSB3: port does not exist} or
 * {@code tcp://localhost:4001: connection refused}; it is meant for the user as it is.
 */
public final class TransportException extends Exception {

    /** What went wrong, for code that reacts differently (retry on BUSY, give up on NOT_FOUND). */
    public enum Reason {
        /** The device file or host does not exist. */
        NOT_FOUND,
        /** Another process (or another transport in this one) holds the port. */
        BUSY,
        /** The OS refused access to the device file. */
        PERMISSION_DENIED,
        /** Nothing listens at the TCP address (connection refused). */
        REFUSED,
        /** The host did not answer or no route leads to it. */
        UNREACHABLE,
        /** The peer closed or vanished, or this transport was already closed. */
        CLOSED,
        /** Any other I/O failure; the message carries the OS's words. */
        IO,
        /** The transport URI is malformed; the message quotes it and says what was expected. */
        BAD_URI,
        /** The URI is well formed but that kind of transport is not available. */
        UNSUPPORTED
    }

    private final String transport;
    private final Reason reason;
    private final String detail;

    public TransportException(String transport, Reason reason, String detail) {
        this(transport, reason, detail, null);
    }

    public TransportException(String transport, Reason reason, String detail, Throwable cause) {
        super(message(transport, reason, detail), cause);
        this.transport = transport;
        this.reason = reason;
        this.detail = oneLine(detail);
    }

    /** A malformed URI: {@code bad transport URI 'tcp://rig1': expected tcp://HOST:PORT ...}. */
    public static TransportException badUri(String text, String expected) {
        return new TransportException(text, Reason.BAD_URI, expected);
    }

    /** The port's name (or, for BAD_URI, the URI text as given). */
    public String transport() {
        return transport;
    }

    public Reason reason() {
        return reason;
    }

    /** The message without the leading port name. */
    public String detail() {
        return detail;
    }

    private static String message(String transport, Reason reason, String detail) {
        String d = oneLine(detail);
        return reason == Reason.BAD_URI
                ? "bad transport URI '" + oneLine(String.valueOf(transport)) + "': " + d
                : transport + ": " + d;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
