package org.nicrig.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    static final List<String> FAULTS = List.of("LINK_DOWN", "LINK_UP", "ENGINE_FAIL", "ENGINE_RESTORE", "STALL",
            "RESET", "GARBLE", "UNPLUG");

    @Test
    void anAdjacentSwapIsOneEdit() {
        assertThat(DidYouMean.distance("flwos", "flows")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3); // the textbook Levenshtein example
        assertThat(DidYouMean.distance("ca", "abc")).isEqualTo(3); // optimal string alignment, not full Damerau
    }

    @Test
    void suggestsTheNearestValidName() {
        assertThat(DidYouMean.nearest("LINK_DWN", FAULTS)).isEqualTo("LINK_DOWN");
        assertThat(DidYouMean.nearest("link_down", FAULTS)).isEqualTo("LINK_DOWN");
        assertThat(DidYouMean.nearest("ENGINE-FAIL", FAULTS)).isEqualTo("ENGINE_FAIL");
        assertThat(DidYouMean.nearest("STAL", FAULTS)).isEqualTo("STALL");
    }

    @Test
    void suggestsNothingForAWordFarFromAllOfThem() {
        assertThat(DidYouMean.nearest("REBOOT_EVERYTHING", FAULTS)).isNull();
        assertThat(DidYouMean.hint("xyz", List.of("a", "b"))).isEqualTo(" (expected one of a, b)");
        assertThat(DidYouMean.hint("flwos", List.of("flows", "sizes"))).isEqualTo(" (did you mean flows?)");
    }

    @Property
    void distanceIsSymmetricAndZeroOnlyForEqualWords(@ForAll @AlphaChars @StringLength(max = 12) String a,
                                                     @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(DidYouMean.distance(a, b)).isEqualTo(DidYouMean.distance(b, a));
        assertThat(DidYouMean.distance(a, b) == 0).isEqualTo(a.equals(b));
        assertThat(DidYouMean.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
    }
}
