package org.nicrig.protocol.message;

/** Who the device is and what it can do (patent op. 300). */
public record IdentifyReply(PciIdentity pci, MacAddress mac, FirmwareVersion firmware, boolean eepromChecksumOk,
                            int linkSpeedMbps, Capabilities capabilities) implements Response {
    @Override
    public MessageType type() { return MessageType.IDENTIFY; }
}
