package org.nicrig.protocol.codec;

import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.frame.Frame;
import org.nicrig.protocol.frame.FrameDecoder;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.message.Envelope;
import org.nicrig.protocol.message.Message;

/**
 * Both directions of one byte stream: bytes in → messages out (frame decoder then codec), and
 * messages → wire bytes. Errors at either layer reach the listener; the stream goes on. One per
 * connection; reading and writing may happen on different threads, each side on one thread.
 */
public final class MessageStream {

    public interface Listener {
        void onMessage(Envelope envelope);

        /** A frame was dropped (bad bytes) or could not be decoded into a message. */
        void onError(ProtocolException error);

        /**
         * A sound frame (CRC right) whose message could not be decoded: its header can be
         * trusted, so a device answers a request with an error reply under its type code and
         * sequence number (PROTOCOL.md §3.4). By default the same as {@link #onError}.
         */
        default void onUndecodable(Frame frame, ProtocolException error) {
            onError(error);
        }
    }

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder;
    private volatile MessageCodec codec;
    private long messageErrors;

    public MessageStream(MessageCodec codec, Listener listener) {
        this.codec = codec;
        this.decoder = new FrameDecoder(new FrameDecoder.Listener() {
            @Override
            public void onFrame(Frame frame) {
                Envelope e;
                try {
                    e = MessageStream.this.codec.decode(frame);
                } catch (ProtocolException ex) {
                    messageErrors++;
                    listener.onUndecodable(frame, ex);
                    return;
                }
                listener.onMessage(e);
            }

            @Override
            public void onError(ProtocolException error) {
                listener.onError(error);
            }
        });
    }

    /** Feeds received bytes; calls the listener for each message or error they complete. */
    public void feed(byte[] bytes, int offset, int count) {
        decoder.feed(bytes, offset, count);
    }

    /** The wire bytes of one message. Call from one writer thread at a time. */
    public byte[] encode(long sequence, Message message) {
        MessageCodec c = codec;
        // the payload is written straight into the frame encoder's buffer: one copy of a packet, not three
        return encoder.encode(c.versionOf(message), MessageCodec.flagsOf(message), MessageCodec.typeCodeOf(message),
                sequence, (buffer, offset, max) -> MessageCodec.writePayload(message, buffer, offset, max));
    }

    /** Switches to the version HELLO negotiated. */
    public void useVersion(int version) {
        this.codec = new MessageCodec(version);
    }

    public MessageCodec codec() {
        return codec;
    }

    /** Frames dropped by the frame layer plus frames the codec refused. */
    public long droppedFrames() {
        return decoder.framesDropped() + messageErrors;
    }

    public long bytesReceived() {
        return decoder.position();
    }
}
