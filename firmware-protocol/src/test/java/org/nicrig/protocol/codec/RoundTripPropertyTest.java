package org.nicrig.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.TestFrames;
import org.nicrig.protocol.message.Envelope;

/** Any message survives the trip to bytes and back, however the bytes are cut into reads. */
class RoundTripPropertyTest {

    @Provide
    Arbitrary<Envelope> envelopes() {
        return MessageArbitraries.envelopes();
    }

    private static byte[] wire(List<Envelope> envelopes) {
        MessageCodec codec = new MessageCodec();
        FrameEncoder encoder = new FrameEncoder();
        return TestFrames.concat(envelopes.stream().map(e -> encoder.encode(codec.encode(e))).toArray(byte[][]::new));
    }

    @Property(tries = 1000)
    void anyMessageRoundTrips(@ForAll("envelopes") Envelope envelope) {
        MessageRecorder r = MessageRecorder.feed(wire(List.of(envelope)));

        assertThat(r.errors()).isEmpty();
        assertThat(r.messages()).containsExactly(envelope);
    }

    @Property(tries = 500)
    void theStreamAndTheFrameApiWriteTheSameBytes(@ForAll("envelopes") Envelope envelope) {
        MessageCodec codec = new MessageCodec();
        byte[] viaFrame = new FrameEncoder().encode(codec.encode(envelope));
        byte[] viaStream = new MessageStream(codec, new MessageRecorder()).encode(envelope.sequence(), envelope.message());

        assertThat(viaStream).isEqualTo(viaFrame);
    }

    @Property(tries = 300)
    void anyChunkingOfAStreamYieldsTheSameMessages(@ForAll @Size(min = 1, max = 8) List<@From("envelopes") Envelope> envelopes,
                                                   @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 100_000) Integer> cuts) {
        byte[] stream = wire(envelopes);
        List<Integer> points = new ArrayList<>(cuts.stream().map(c -> c % (stream.length + 1)).sorted().toList());
        points.add(stream.length);
        MessageRecorder r = new MessageRecorder();
        MessageStream s = new MessageStream(new MessageCodec(), r);
        int from = 0;
        for (int to : points) {
            s.feed(stream, from, to - from);
            from = to;
        }

        assertThat(r.errors()).isEmpty();
        assertThat(r.messages()).containsExactlyElementsOf(envelopes);
        assertThat(s.bytesReceived()).isEqualTo(stream.length);
    }

    @Property(tries = 50)
    void oneByteAtATimeYieldsTheSameMessages(@ForAll @Size(min = 1, max = 4) List<@From("envelopes") Envelope> envelopes) {
        byte[] stream = wire(envelopes);
        MessageRecorder r = new MessageRecorder();
        MessageStream s = new MessageStream(new MessageCodec(), r);
        for (int i = 0; i < stream.length; i++) {
            s.feed(stream, i, 1);
        }

        assertThat(r.errors()).isEmpty();
        assertThat(r.messages()).containsExactlyElementsOf(envelopes);
    }
}
