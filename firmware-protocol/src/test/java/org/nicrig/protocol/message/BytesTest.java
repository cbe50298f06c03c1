package org.nicrig.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void aRangeEqualsAndHashesLikeAWholeArrayOfTheSameBytes() {
        byte[] big = {9, 9, 1, 2, 3, 9};
        Bytes slice = Bytes.wrap(big, 2, 3);
        Bytes whole = Bytes.fromHex("010203");

        assertThat(slice).isEqualTo(whole).hasSameHashCodeAs(whole);
        assertThat(slice.hashCode()).isEqualTo(java.util.Arrays.hashCode(new byte[] {1, 2, 3}));
        assertThat(slice.length()).isEqualTo(3);
        assertThat(slice.get(0)).isEqualTo((byte) 1);
        assertThat(slice.toArray()).containsExactly(1, 2, 3);
        assertThat(slice.hex()).isEqualTo("010203");
        assertThat(slice).hasToString("010203");
        byte[] dst = new byte[5];
        slice.copyTo(dst, 1);
        assertThat(dst).containsExactly(0, 1, 2, 3, 0);
        assertThat(slice).isNotEqualTo(Bytes.fromHex("0102"));
    }

    @Test
    void aRangeNeverReachesOutsideItself() {
        Bytes slice = Bytes.wrap(new byte[] {9, 1, 2, 9}, 1, 2);
        assertThatThrownBy(() -> slice.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> slice.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bytes.wrap(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(Bytes.wrap(new byte[3], 3, 0)).isSameAs(Bytes.EMPTY);
    }

    @Test
    void longValuesPrintTheirStartAndLength() {
        byte[] b = new byte[100];
        b[40] = (byte) 0xAB;
        Bytes slice = Bytes.wrap(b, 40, 50);
        assertThat(slice.toString()).startsWith("ab00").endsWith("…(50 bytes)");
    }
}
