package org.nicrig.protocol.message;

/** A message with the sequence number it travels under (request/response matching, event order). */
public record Envelope(long sequence, Message message) {
}
