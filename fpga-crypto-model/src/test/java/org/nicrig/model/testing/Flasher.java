package org.nicrig.model.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.FwActivate;
import org.nicrig.protocol.message.FwBegin;
import org.nicrig.protocol.message.FwChunk;
import org.nicrig.protocol.message.FwCommit;
import org.nicrig.protocol.message.Message;
import org.nicrig.protocol.message.Request;

/** FW_BEGIN, FW_CHUNK..., FW_COMMIT, FW_ACTIVATE as a host sends them, against any way of asking a device. */
public final class Flasher {
    public static final int CHUNK = 1024;

    private Flasher() {
    }

    public static FwBegin begin(byte[] image) {
        return new FwBegin(image.length, Bytes.wrap(Sha256.of(image)));
    }

    /** The chunks of {@code image}, {@link #CHUNK} bytes each (the last one shorter). */
    public static List<FwChunk> chunks(byte[] image) {
        List<FwChunk> out = new ArrayList<>();
        for (int off = 0; off < image.length; off += CHUNK) {
            out.add(new FwChunk(off, Bytes.wrap(Arrays.copyOfRange(image, off, Math.min(image.length, off + CHUNK)))));
        }
        return out;
    }

    /** Every answer, from FW_BEGIN to FW_ACTIVATE, stopping at the first that is not an ACK. */
    public static List<Message> flash(Function<Request, Message> device, byte[] image) {
        List<Request> steps = new ArrayList<>();
        steps.add(begin(image));
        steps.addAll(chunks(image));
        steps.add(new FwCommit());
        steps.add(new FwActivate());
        List<Message> answers = new ArrayList<>();
        for (Request r : steps) {
            Message m = device.apply(r);
            answers.add(m);
            if (!(m instanceof org.nicrig.protocol.message.Ack)) {
                break;
            }
        }
        return answers;
    }
}
