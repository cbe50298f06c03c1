package org.nicrig.protocol.frame;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.protocol.error.ProtocolException;

/** Records what a {@link FrameDecoder} yields, frames and errors in one list in stream order. */
public final class FrameRecorder implements FrameDecoder.Listener {
    public final List<Object> events = new ArrayList<>();

    @Override
    public void onFrame(Frame frame) {
        events.add(frame);
    }

    @Override
    public void onError(ProtocolException error) {
        events.add(error);
    }

    public List<Frame> frames() {
        return events.stream().filter(Frame.class::isInstance).map(Frame.class::cast).toList();
    }

    public List<ProtocolException> errors() {
        return events.stream().filter(ProtocolException.class::isInstance).map(ProtocolException.class::cast).toList();
    }
}
