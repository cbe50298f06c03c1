package org.nicrig.protocol.codec;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.Envelope;

/** Records what a {@link MessageStream} yields: messages and errors in one list, in stream order. */
final class MessageRecorder implements MessageStream.Listener {
    final List<Object> events = new ArrayList<>();

    @Override
    public void onMessage(Envelope envelope) {
        events.add(envelope);
    }

    @Override
    public void onError(ProtocolException error) {
        events.add(error);
    }

    List<Envelope> messages() {
        return events.stream().filter(Envelope.class::isInstance).map(Envelope.class::cast).toList();
    }

    List<ProtocolException> errors() {
        return events.stream().filter(ProtocolException.class::isInstance).map(ProtocolException.class::cast).toList();
    }

    static MessageRecorder feed(byte[] stream) {
        MessageRecorder r = new MessageRecorder();
        new MessageStream(new MessageCodec(), r).feed(stream, 0, stream.length);
        return r;
    }
}
