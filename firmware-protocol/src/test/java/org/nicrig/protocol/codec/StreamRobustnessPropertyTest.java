package org.nicrig.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.nicrig.protocol.error.BadCrcException;
import org.nicrig.protocol.error.FrameTooLongException;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.TruncatedFrameException;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.frame.TestFrames;
import org.nicrig.protocol.message.Envelope;
import org.nicrig.protocol.message.Heartbeat;

/**
 * What damage on the line does to a stream (PROTOCOL.md §3): garbage, a changed byte, a lost
 * byte, an endless frame. Each damaged frame sits between two intact ones, which must arrive;
 * the damaged one must give an error and never a message.
 */
class StreamRobustnessPropertyTest {

    private static final Envelope BEFORE = new Envelope(1, new Heartbeat(0x1111));
    private static final Envelope AFTER = new Envelope(2, new Heartbeat(0x2222));

    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder encoder = new FrameEncoder();

    @Provide
    Arbitrary<Envelope> envelopes() {
        return MessageArbitraries.envelopes();
    }

    /** Arbitrary bytes, zeros included at a generated density. */
    @Provide
    Arbitrary<byte[]> garbage() {
        return MessageArbitraries.byteArrays(300);
    }

    private byte[] wire(Envelope e) {
        return encoder.encode(codec.encode(e));
    }

    @Property(tries = 300)
    void garbageBetweenFramesNeverLosesAnIntactFrameNorInventsOne(
            @ForAll @Size(min = 1, max = 6) List<@From("envelopes") Envelope> sent,
            @ForAll @Size(min = 7, max = 7) List<@From("garbage") byte[]> garbage,
            @ForAll @IntRange(min = 1, max = 5000) int chunk) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(garbage.get(0));
        for (int i = 0; i < sent.size(); i++) {
            parts.add(wire(sent.get(i)));
            parts.add(garbage.get(i + 1));
        }
        byte[] stream = TestFrames.concat(parts.toArray(byte[][]::new));
        MessageRecorder r = new MessageRecorder();
        MessageStream s = new MessageStream(codec, r);
        for (int from = 0; from < stream.length; from += chunk) {
            s.feed(stream, from, Math.min(chunk, stream.length - from));
        }

        assertThat(r.messages()).containsExactlyElementsOf(sent);
        r.errors().forEach(e -> assertThat(e.streamOffset()).isBetween(0L, (long) stream.length));
    }

    @Property(tries = 1000)
    void changingAnyByteOfAFrameGivesAnErrorNeverAWrongMessage(@ForAll("envelopes") Envelope target,
                                                               @ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                               @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] before = wire(BEFORE);
        byte[] frame = wire(target);
        int at = where % frame.length;
        byte[] damaged = frame.clone();
        damaged[at] ^= (byte) mask;
        MessageRecorder r = MessageRecorder.feed(TestFrames.concat(before, damaged, wire(AFTER)));

        assertThat(r.messages()).containsExactly(BEFORE, AFTER);
        assertThat(r.errors()).isNotEmpty();
        ProtocolException first = r.errors().get(0);
        long frameStart = before.length + 1;
        boolean delimiter = at == 0 || at == frame.length - 1;
        boolean codeByte = TestFrames.codePositions(frame).contains(at);
        if (at == 0) {
            // the changed delimiter now starts a frame of its own, one byte early
            assertThat(r.errors()).hasSize(1);
            assertThat(first.streamOffset()).isEqualTo(frameStart - 1);
        } else if (at == frame.length - 1) {
            // the frame runs on to the next frame's leading delimiter
            assertThat(r.errors()).hasSize(1);
            assertThat(first.streamOffset()).isEqualTo(frameStart);
        } else if (damaged[at] == 0) {
            // a delimiter inside the frame cuts it: the first part ends inside a COBS block, or is too
            // short; when the first code byte is the one that became 0x00 there is no first part
            assertThat(first.streamOffset()).isEqualTo(at == 1 ? frameStart + 1 : frameStart);
            if (!codeByte) {
                assertThat(first).isInstanceOf(TruncatedFrameException.class);
            }
        } else if (!codeByte && !delimiter) {
            // a data byte stands for itself: exactly one decoded byte differs, which CRC-32C always detects
            assertThat(r.errors()).hasSize(1);
            assertThat(first).isInstanceOf(BadCrcException.class);
            assertThat(first.streamOffset()).isEqualTo(frameStart);
        } else {
            // a changed code byte reshapes the blocks: truncated, or decoded into other bytes; and a frame
            // whose stuffed bytes outnumber MAX_RAW may now decode longer than MAX_RAW, since the new
            // blocks take code bytes as data (a frame never decodes to more bytes than it was stuffed to,
            // so below that size it cannot be too long; seed 8202825691946309221 found this case)
            assertThat(r.errors()).hasSize(1);
            if (frame.length - 2 > FrameFormat.MAX_RAW) {
                assertThat(first).isInstanceOfAny(TruncatedFrameException.class, BadCrcException.class, FrameTooLongException.class);
            } else {
                assertThat(first).isInstanceOfAny(TruncatedFrameException.class, BadCrcException.class);
            }
            assertThat(first.streamOffset()).isEqualTo(frameStart);
        }
    }

    @Property(tries = 500)
    void aLostByteCostsAtMostItsOwnFrame(@ForAll("envelopes") Envelope target, @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        byte[] before = wire(BEFORE);
        byte[] frame = wire(target);
        int at = where % frame.length;
        byte[] shortened = new byte[frame.length - 1];
        System.arraycopy(frame, 0, shortened, 0, at);
        System.arraycopy(frame, at + 1, shortened, at, frame.length - at - 1);
        MessageRecorder r = MessageRecorder.feed(TestFrames.concat(before, shortened, wire(AFTER)));

        if (at == 0 || at == frame.length - 1) {
            // either delimiter may go: the neighbour's delimiter stands in for it
            assertThat(r.errors()).isEmpty();
            assertThat(r.messages()).containsExactly(BEFORE, target, AFTER);
        } else {
            assertThat(r.messages()).containsExactly(BEFORE, AFTER);
            assertThat(r.errors()).hasSize(1);
            assertThat(r.errors().get(0).streamOffset()).isEqualTo(before.length + 1);
        }
    }

    @Property(tries = 25)
    void aFrameLongerThanTheMaximumIsTooLongThenTheNextArrives(
            @ForAll @IntRange(min = FrameFormat.MAX_RAW + 1, max = 3 * FrameFormat.MAX_RAW) int decodedLength,
            @ForAll long seed) {
        byte[] content = new byte[decodedLength];
        new Random(seed).nextBytes(content);
        byte[] before = wire(BEFORE);
        byte[] tooLong = TestFrames.wire(content);
        MessageRecorder r = MessageRecorder.feed(TestFrames.concat(before, tooLong, wire(AFTER)));

        assertThat(r.messages()).containsExactly(BEFORE, AFTER);
        assertThat(r.errors()).singleElement().isInstanceOf(FrameTooLongException.class)
                .extracting(ProtocolException::streamOffset).isEqualTo(before.length + 1L);
    }

    @Property(tries = 100)
    void badFramesThenGoodOnesTwiceInARow(@ForAll("envelopes") Envelope good, @ForAll("garbage") byte[] junk) {
        byte[] bad = wire(good);
        bad[bad.length / 2] = 0; // cut in two
        byte[] g = wire(good);
        MessageRecorder r = MessageRecorder.feed(TestFrames.concat(bad, g, junk, new byte[1], bad, g));

        assertThat(r.messages()).containsExactly(good, good);
        assertThat(r.events.get(0)).isInstanceOf(ProtocolException.class);
        assertThat(r.errors()).hasSizeGreaterThanOrEqualTo(2);
    }
}
