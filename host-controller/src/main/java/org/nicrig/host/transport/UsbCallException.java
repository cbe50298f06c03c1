package org.nicrig.host.transport;

/**
 * A libusb call that returned an error: which call, and libusb's code. Stays inside the package;
 * {@link UsbTransport} and {@link UsbPorts} turn it into a {@link TransportException} whose reason
 * depends on what was being done when it happened.
 */
final class UsbCallException extends Exception {

    private final UsbError error;
    private final String call;

    UsbCallException(UsbError error, String call) {
        super(call + ": " + error.libusbName());
        this.error = error;
        this.call = call;
    }

    static UsbCallException of(int code, String call) {
        return new UsbCallException(UsbError.of(code), call);
    }

    UsbError error() {
        return error;
    }

    String call() {
        return call;
    }
}
