package org.nicrig.protocol.message;

/** Device to host, unsolicited, numbered in the device's own event sequence space. */
public sealed interface Event extends Message permits FrameReceived, LinkChange, DeviceReset, DeviceError {
}
