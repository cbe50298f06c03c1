package org.nicrig.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private final FrameEncoder encoder = new FrameEncoder();

    @Test
    void writesHeaderFieldsBigEndianBehindTheLeadingDelimiter() {
        byte[] wire = encoder.encode(Frame.of(3, FrameKind.EVENT, false, 0x41, 0x0102_0304L, new byte[] {(byte) 0xAA}));
        byte[] raw = TestFrames.uncobs(wire, 1, wire.length - 1);

        assertThat(wire[0]).isZero();
        assertThat(wire[wire.length - 1]).isZero();
        assertThat(java.util.Arrays.copyOfRange(wire, 1, wire.length - 1)).doesNotContain((byte) 0);
        // version 3 in the high nibble, kind EVENT (2) in bits 1-0
        assertThat(raw).startsWith(0x32, 0x41, 0x01, 0x02, 0x03, 0x04, 0x00, 0x01, 0xAA);
        assertThat(raw).hasSize(8 + 1 + 4);
    }

    @Test
    void encodesIntoACallersBufferAtAnOffset() {
        byte[] payload = new byte[300];
        byte[] out = new byte[FrameFormat.maxEncodedLength(300) + 10];
        int n = encoder.encode(1, 0, 0x30, 1, payload, 0, 300, out, 10);

        byte[] alone = encoder.encode(Frame.of(1, FrameKind.REQUEST, false, 0x30, 1, payload));
        assertThat(java.util.Arrays.copyOfRange(out, 10, 10 + n)).isEqualTo(alone);
    }

    @Test
    void refusesAPayloadOverTheMaximum() {
        assertThatThrownBy(() -> encoder.encode(1, 0, 0x30, 1, new byte[FrameFormat.MAX_PAYLOAD + 1], 0,
                FrameFormat.MAX_PAYLOAD + 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Frame.of(1, FrameKind.REQUEST, false, 1, 1, new byte[FrameFormat.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFrameRefusesFieldsOutsideTheirWidth() {
        assertThatThrownBy(() -> new Frame(0, 0, 1, 0, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(16, 0, 1, 0, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(1, 0x10, 1, 0, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(1, 0, 256, 0, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(1, 0, 1, 1L << 32, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
