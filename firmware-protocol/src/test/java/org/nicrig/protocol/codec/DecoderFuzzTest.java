package org.nicrig.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.frame.Frame;
import org.nicrig.protocol.frame.FrameDecoder;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.frame.TestFrames;
import org.nicrig.protocol.message.Envelope;

/**
 * Hostile bytes into the decoder and codec: random bytes, COBS-shaped frames with random
 * headers behind a valid CRC, and real frames with their header, length, type or payload
 * changed and the CRC made right again, so that they reach the message layer. Whatever arrives,
 * the only outcome is a message or a {@link ProtocolException} handed to the listener: nothing
 * is thrown, no frame payload is larger than {@link FrameFormat#MAX_PAYLOAD}, and every message
 * the codec accepts encodes again into a frame that decodes to the same message.
 */
class DecoderFuzzTest {

    @Provide
    Arbitrary<byte[]> hostile() {
        Arbitrary<byte[]> one = Arbitraries.frequencyOf(
                Tuple.of(2, MessageArbitraries.byteArrays(600)),
                Tuple.of(2, cobsShaped()),
                Tuple.of(5, mutatedFrames()));
        return one.list().ofMinSize(1).ofMaxSize(5).map(parts -> TestFrames.concat(parts.toArray(byte[][]::new)));
    }

    /** Random header, random payload, a correct CRC (and most often a length field that agrees). */
    private static Arbitrary<byte[]> cobsShaped() {
        return Combinators.combine(MessageArbitraries.byteArrays(400), Arbitraries.integers().between(0, 3))
                .as((body, mode) -> {
                    byte[] raw = new byte[12 + body.length];
                    System.arraycopy(body, 0, raw, 0, Math.min(body.length, raw.length));
                    if (mode != 0) {
                        raw[6] = (byte) ((raw.length - 12) >>> 8);
                        raw[7] = (byte) (raw.length - 12);
                    }
                    if (mode == 3) {
                        raw[0] = (byte) (0x10 | (raw[0] & 0x0F)); // version 1, so the codec has to look inside
                    }
                    return TestFrames.wire(TestFrames.withCrc(raw));
                });
    }

    /** A real message's frame with one of its fields changed, the CRC made valid again. */
    private static Arbitrary<byte[]> mutatedFrames() {
        MessageCodec codec = new MessageCodec();
        return Combinators.combine(MessageArbitraries.envelopes(), Arbitraries.integers().between(0, 6), Arbitraries.longs())
                .as((envelope, how, seed) -> {
                    byte[] wire = new FrameEncoder().encode(codec.encode(envelope));
                    byte[] raw = TestFrames.uncobs(wire, 1, wire.length - 1);
                    Random r = new Random(seed);
                    int payload = raw.length - 12;
                    switch (how) {
                        case 0 -> raw[0] = (byte) r.nextInt(256);                     // version, flags, kind
                        case 1 -> raw[1] = (byte) r.nextInt(256);                     // type
                        case 2 -> { raw[6] = (byte) r.nextInt(256); raw[7] = (byte) r.nextInt(256); } // length
                        case 3 -> {                                                   // payload bytes
                            for (int k = 0; k < 1 + r.nextInt(4) && payload > 0; k++) {
                                raw[8 + r.nextInt(payload)] = (byte) r.nextInt(256);
                            }
                        }
                        case 4 -> {                                                   // payload cut short, length kept right
                            int keep = payload == 0 ? 0 : r.nextInt(payload);
                            byte[] cut = new byte[12 + keep];
                            System.arraycopy(raw, 0, cut, 0, 8 + keep);
                            cut[6] = (byte) (keep >>> 8);
                            cut[7] = (byte) keep;
                            raw = cut;
                        }
                        case 5 -> {                                                   // bytes appended, length kept right
                            int extra = 1 + r.nextInt(8);
                            byte[] longer = new byte[raw.length + extra];
                            System.arraycopy(raw, 0, longer, 0, 8 + payload);
                            longer[6] = (byte) ((payload + extra) >>> 8);
                            longer[7] = (byte) (payload + extra);
                            raw = longer;
                        }
                        default -> raw[1 + r.nextInt(raw.length - 5)] ^= (byte) (1 << r.nextInt(8)); // anywhere but byte 0
                    }
                    return TestFrames.wire(TestFrames.withCrc(raw));
                });
    }

    @Property(tries = 2000)
    void hostileBytesGiveMessagesOrProtocolExceptionsOnly(@ForAll("hostile") byte[] stream) {
        MessageCodec codec = new MessageCodec();
        List<Envelope> messages = new ArrayList<>();
        List<ProtocolException> errors = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Listener() {
            @Override
            public void onFrame(Frame frame) {
                assertThat(frame.payload().length).isLessThanOrEqualTo(FrameFormat.MAX_PAYLOAD);
                try {
                    messages.add(codec.decode(frame));
                } catch (ProtocolException e) {
                    errors.add(e);
                }
            }

            @Override
            public void onError(ProtocolException error) {
                errors.add(error);
            }
        });

        decoder.feed(stream); // anything thrown here fails the property

        for (ProtocolException e : errors) {
            assertThat(e.streamOffset()).isBetween(0L, (long) stream.length);
            assertThat(e.getMessage()).startsWith("at stream offset " + e.streamOffset() + ": ");
        }
        for (Envelope m : messages) {
            byte[] again = new FrameEncoder().encode(codec.encode(m));
            assertThat(MessageRecorder.feed(again).messages()).containsExactly(m);
        }
    }
}
