package org.nicrig.host.cli;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A serial port as {@code nicrig ports} lists it.
 *
 * @param vendorId  USB vendor id, or -1 when not a USB port (or the OS does not say)
 * @param productId USB product id, or -1
 */
record SerialPortInfo(String path, String description, int vendorId, int productId, String serialNumber) {

    static SerialPortInfo of(SerialPort p) {
        return new SerialPortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(), p.getProductID(),
                p.getSerialNumber());
    }

    /** {@code 0403:6001}, as lsusb and rigs' usb: addresses write it; "-" when unknown. */
    String vidPid() {
        return vendorId < 0 || productId < 0 ? "-" : String.format("%04x:%04x", vendorId, productId);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() || s.equalsIgnoreCase("Unknown") ? "-" : s.strip();
    }
}
