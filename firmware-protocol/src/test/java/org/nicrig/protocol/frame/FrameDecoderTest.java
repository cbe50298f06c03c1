package org.nicrig.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.protocol.frame.TestFrames.concat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.error.BadCrcException;
import org.nicrig.protocol.error.BadLengthException;
import org.nicrig.protocol.error.FrameTooLongException;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.TruncatedFrameException;
import org.nicrig.protocol.error.UnsupportedVersionException;

/** The frame layer on its own, in Netty's manner: a bad frame, then a good one, and the exact error. */
class FrameDecoderTest {

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameRecorder recorder = new FrameRecorder();
    private final FrameDecoder decoder = new FrameDecoder(recorder);

    /** A frame whose payload has no zero byte, so its COBS form is one long block after the header. */
    private byte[] frame(long sequence, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payloadLength; i++) {
            payload[i] = (byte) (1 + i % 250);
        }
        return encoder.encode(Frame.of(1, FrameKind.REQUEST, false, 0x30, sequence, payload));
    }

    private static byte[] payloadOf(Frame f) {
        return f.payload();
    }

    @Test
    void decodesAFrameWithItsHeaderFieldsAndOffset() {
        byte[] payload = {9, 0, 8, 0, 0, 7};
        decoder.feed(encoder.encode(Frame.of(1, FrameKind.RESPONSE, true, 0x20, 0xFEDC_BA98L, payload)));

        assertThat(recorder.errors()).isEmpty();
        Frame f = recorder.frames().get(0);
        assertThat(f.version()).isEqualTo(1);
        assertThat(f.kind()).isEqualTo(FrameKind.RESPONSE);
        assertThat(f.isError()).isTrue();
        assertThat(f.reservedBitSet()).isFalse();
        assertThat(f.typeCode()).isEqualTo(0x20);
        assertThat(f.sequence()).isEqualTo(0xFEDC_BA98L);
        assertThat(payloadOf(f)).isEqualTo(payload);
        // the offset of a frame is that of its first byte after the opening delimiter
        assertThat(f.streamOffset()).isEqualTo(1);
        assertThat(decoder.framesDecoded()).isEqualTo(1);
    }

    @Test
    void idleDelimitersBetweenFramesAreNotFrames() {
        byte[] one = frame(1, 10);
        decoder.feed(concat(new byte[5], one, new byte[3], one, new byte[1]));

        assertThat(recorder.errors()).isEmpty();
        assertThat(recorder.frames()).extracting(Frame::streamOffset).containsExactly(6L, 5L + one.length + 3 + 1);
        assertThat(decoder.framesDropped()).isZero();
    }

    @Test
    void garbageBeforeAFrameIsOneErrorAndTheFrameStillArrives() {
        // 0x41 announces a block of 64 bytes; the frame's leading delimiter ends it 3 bytes in
        decoder.feed(concat(new byte[] {0x41, 0x42, 0x43}, frame(5, 20)));

        assertThat(recorder.events).hasSize(2);
        assertThat(recorder.events.get(0)).isInstanceOf(TruncatedFrameException.class);
        assertThat(((ProtocolException) recorder.events.get(0)).streamOffset()).isZero();
        assertThat(((Frame) recorder.events.get(1)).sequence()).isEqualTo(5);
        assertThat(((Frame) recorder.events.get(1)).streamOffset()).isEqualTo(4);
        assertThat(decoder.bytesDropped()).isEqualTo(3);
    }

    @Test
    void aChangedDataByteIsABadCrcThenTheNextFrameArrivesTwice() {
        byte[] good = frame(1, 40);
        byte[] bad = good.clone();
        bad[30] ^= 0x5A; // a data byte (the payload is one COBS block after the header)
        decoder.feed(concat(bad, good, bad, good));

        assertThat(recorder.events).hasSize(4);
        assertThat(recorder.events.get(0)).isInstanceOf(BadCrcException.class);
        assertThat(recorder.events.get(1)).isInstanceOf(Frame.class);
        assertThat(recorder.events.get(2)).isInstanceOf(BadCrcException.class);
        assertThat(recorder.events.get(3)).isInstanceOf(Frame.class);
        BadCrcException e = (BadCrcException) recorder.events.get(2);
        assertThat(e.streamOffset()).isEqualTo(2L * good.length + 1);
        assertThat(e.expected()).isNotEqualTo(e.found());
        byte[] raw = TestFrames.uncobs(good, 1, good.length - 1);
        long carried = ((raw[raw.length - 4] & 0xFFL) << 24) | ((raw[raw.length - 3] & 0xFFL) << 16)
                | ((raw[raw.length - 2] & 0xFFL) << 8) | (raw[raw.length - 1] & 0xFFL);
        assertThat(e.found()).isEqualTo(carried);
    }

    @Test
    void aFrameCutShortIsTruncatedAndTheNextFrameArrives() {
        byte[] first = frame(1, 100);
        byte[] cut = Arrays.copyOf(first, 60); // no trailing delimiter; the next frame's leading one ends it
        byte[] next = frame(2, 10);
        decoder.feed(concat(cut, next));

        assertThat(recorder.events).hasSize(2);
        TruncatedFrameException e = (TruncatedFrameException) recorder.events.get(0);
        assertThat(e.streamOffset()).isEqualTo(1);
        assertThat(e.getMessage()).contains("delimiter inside a COBS block");
        assertThat(((Frame) recorder.events.get(1)).sequence()).isEqualTo(2);
        assertThat(((Frame) recorder.events.get(1)).streamOffset()).isEqualTo(61);
    }

    @Test
    void lessThanAHeaderAndACrcIsTruncated() {
        decoder.feed(new byte[] {0, 5, 1, 2, 3, 4, 0});

        assertThat(recorder.frames()).isEmpty();
        assertThat(recorder.errors()).singleElement().isInstanceOf(TruncatedFrameException.class)
                .extracting(ProtocolException::streamOffset).isEqualTo(1L);
    }

    @Test
    void aMaximalFrameDecodes() {
        byte[] wire = frame(3, FrameFormat.MAX_PAYLOAD);
        assertThat(wire.length).isLessThanOrEqualTo(FrameFormat.MAX_ENCODED);
        decoder.feed(wire);

        assertThat(recorder.errors()).isEmpty();
        assertThat(recorder.frames()).singleElement().extracting(f -> f.payload().length).isEqualTo(FrameFormat.MAX_PAYLOAD);
    }

    @Test
    void oneDecodedByteTooManyIsTooLongThenTheNextFrameArrivesTwice() {
        // MAX_RAW + 1 non-zero bytes, validly COBS-encoded: longer than any legal frame decodes to
        byte[] content = new byte[FrameFormat.MAX_RAW + 1];
        Arrays.fill(content, (byte) 0x77);
        byte[] tooLong = TestFrames.wire(content);
        byte[] next = frame(9, 16);
        decoder.feed(concat(tooLong, next, tooLong, next));

        assertThat(recorder.events).hasSize(4);
        FrameTooLongException e = (FrameTooLongException) recorder.events.get(0);
        assertThat(e.streamOffset()).isEqualTo(1);
        assertThat(e.limit()).isEqualTo(FrameFormat.MAX_RAW);
        assertThat(recorder.events.get(1)).isInstanceOf(Frame.class);
        assertThat(((ProtocolException) recorder.events.get(2)).streamOffset()).isEqualTo(tooLong.length + next.length + 1);
        assertThat(((Frame) recorder.events.get(3)).sequence()).isEqualTo(9);
        assertThat(decoder.framesDropped()).isEqualTo(2);
        assertThat(decoder.framesDecoded()).isEqualTo(2);
        assertThat(decoder.bytesDropped()).isEqualTo(2L * (tooLong.length - 2));
    }

    @Test
    void aLongRunWithoutDelimiterIsOneTooLongErrorAndMemoryStaysBounded() {
        byte[] noise = new byte[200_000];
        Arrays.fill(noise, (byte) 0x01); // every byte a code byte standing for a zero: the fastest growth
        decoder.feed(concat(noise, frame(4, 4)));

        assertThat(recorder.events).hasSize(2);
        assertThat(recorder.events.get(0)).isInstanceOf(FrameTooLongException.class);
        assertThat(((Frame) recorder.events.get(1)).sequence()).isEqualTo(4);
    }

    @Test
    void aHeaderLengthThatDisagreesWithThePayloadIsBadLength() {
        byte[] good = frame(1, 8);
        byte[] lying = TestFrames.wire(TestFrames.raw(0x10, 0x30, 2, 9, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        decoder.feed(concat(good, lying, good));

        assertThat(recorder.events).hasSize(3);
        BadLengthException e = (BadLengthException) recorder.events.get(1);
        assertThat(e.streamOffset()).isEqualTo(good.length + 1);
        assertThat(e.getMessage()).contains("declares a payload of 9 bytes, frame holds 8");
    }

    @Test
    void versionZeroIsAnUnsupportedVersion() {
        byte[] good = frame(1, 3);
        decoder.feed(concat(good, TestFrames.wire(TestFrames.raw(0x00, 0x30, 2, 0, new byte[0]))));

        UnsupportedVersionException e = (UnsupportedVersionException) recorder.events.get(1);
        assertThat(e.found()).isZero();
        assertThat(e.streamOffset()).isEqualTo(good.length + 1);
    }

    @Test
    void losingEitherDelimiterBetweenTwoFramesLosesNoFrame() {
        byte[] a = frame(1, 30);
        byte[] b = frame(2, 30);
        byte[] withoutTrailing = Arrays.copyOf(a, a.length - 1);
        byte[] withoutLeading = Arrays.copyOfRange(b, 1, b.length);
        decoder.feed(concat(withoutTrailing, b, a, withoutLeading));

        assertThat(recorder.errors()).isEmpty();
        assertThat(recorder.frames()).extracting(Frame::sequence).containsExactly(1L, 2L, 1L, 2L);
    }

    @Test
    void acceptsBothFormsOfAFinalFullBlock() {
        // header 10 30 01 02 03 04 00 F9: the only zero is the high byte of the length (249), so
        // bytes 7..260 (length low byte, 249 payload bytes, CRC) are one run of 254 non-zero bytes
        // when the CRC has no zero byte; the first payload byte is chosen to make it so.
        byte[] raw = null;
        for (int first = 1; first < 256; first++) {
            byte[] payload = new byte[249];
            Arrays.fill(payload, (byte) 0x42);
            payload[0] = (byte) first;
            raw = TestFrames.raw(0x10, 0x30, 0x01020304L, 249, payload);
            if (raw[257] != 0 && raw[258] != 0 && raw[259] != 0 && raw[260] != 0) {
                break;
            }
        }
        byte[] paperForm = TestFrames.wire(raw);
        assertThat(paperForm[paperForm.length - 2]).as("final code byte").isEqualTo((byte) 0x01);
        assertThat(paperForm[paperForm.length - 2 - 255]).as("full block code").isEqualTo((byte) 0xFF);
        byte[] shortForm = concat(Arrays.copyOf(paperForm, paperForm.length - 2), new byte[1]);
        decoder.feed(concat(paperForm, shortForm));

        assertThat(recorder.errors()).isEmpty();
        assertThat(recorder.frames()).hasSize(2);
        assertThat(recorder.frames().get(0).payload()).isEqualTo(recorder.frames().get(1).payload());
        assertThat(recorder.frames().get(0).sequence()).isEqualTo(0x01020304L);
    }

    @Test
    void oneByteAtATimeYieldsWhatTheWholeStreamYields() {
        byte[] bad = frame(1, 40);
        bad[20] ^= 1;
        byte[] stream = concat(new byte[] {7, 7}, frame(1, 300), bad, frame(2, 0), Arrays.copyOf(frame(3, 50), 30), frame(4, 5));
        FrameRecorder whole = new FrameRecorder();
        new FrameDecoder(whole).feed(stream);
        for (byte b : stream) {
            decoder.feed(new byte[] {b}, 0, 1);
        }

        assertThat(describe(recorder)).isEqualTo(describe(whole));
        assertThat(recorder.frames()).extracting(Frame::sequence).containsExactly(1L, 2L, 4L);
        assertThat(recorder.errors()).hasSize(3);
        assertThat(decoder.position()).isEqualTo(stream.length);
    }

    @Test
    void aListenerThatThrowsDoesNotPutLaterOffsetsOut() {
        byte[] first = frame(1, 10);
        byte[] second = frame(2, 10);
        java.util.List<Long> offsets = new java.util.ArrayList<>();
        FrameDecoder throwing = new FrameDecoder(new FrameDecoder.Listener() {
            @Override
            public void onFrame(Frame frame) {
                offsets.add(frame.streamOffset());
                if (frame.sequence() == 1) {
                    throw new IllegalStateException("listener bug");
                }
            }

            @Override
            public void onError(ProtocolException error) {
                throw new AssertionError(error);
            }
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> throwing.feed(first))
                .isInstanceOf(IllegalStateException.class);
        throwing.feed(second);

        assertThat(offsets).containsExactly(1L, first.length + 1L);
        assertThat(throwing.position()).isEqualTo(first.length + second.length);
    }

    static String describe(FrameRecorder r) {
        StringBuilder sb = new StringBuilder();
        for (Object e : r.events) {
            if (e instanceof Frame f) {
                sb.append(f).append('@').append(f.streamOffset()).append(Arrays.toString(f.payload())).append('\n');
            } else {
                sb.append(e.getClass().getSimpleName()).append(' ').append(((Exception) e).getMessage()).append('\n');
            }
        }
        return sb.toString();
    }
}
