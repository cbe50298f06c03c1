package org.nicrig.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarsTest {

    private static Node string(String s) {
        return new Node.ScalarNode(new Location(3, 7), s, Node.ScalarNode.Type.STRING);
    }

    private static Node integer(String s) {
        return new Node.ScalarNode(new Location(3, 7), s, Node.ScalarNode.Type.INTEGER);
    }

    @Test
    void durationsInMillisecondsSecondsMinutesHours() {
        Problems p = new Problems("f");
        assertThat(Scalars.duration(string("200ms"), "x", p, true)).isEqualTo(Duration.ofMillis(200));
        assertThat(Scalars.duration(string("2s"), "x", p, true)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Scalars.duration(string("1m"), "x", p, true)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Scalars.duration(string("1h"), "x", p, true)).isEqualTo(Duration.ofHours(1));
        assertThat(Scalars.duration(string("0s"), "x", p, false)).isEqualTo(Duration.ZERO);
        assertThat(p.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "2 s", "1.5s", "-1s", "2sec", "PT2S", "s"})
    void badDurationsAreLocatedAndQuoted(String text) {
        Problems p = new Problems("f.yaml");
        assertThat(Scalars.duration(string(text), "steps[0].duration", p, true)).isNull();
        assertThat(p.errors()).extracting(Throwable::getMessage).containsExactly(
                "f.yaml:3:7: steps[0].duration: expected a duration such as 200ms, 2s or 1m, found '" + text + "'");
    }

    @Test
    void zeroIsNotAPositiveDuration() {
        Problems p = new Problems("f.yaml");
        assertThat(Scalars.duration(string("0ms"), "timeout", p, true)).isNull();
        assertThat(p.errors()).extracting(Throwable::getMessage)
                .containsExactly("f.yaml:3:7: timeout: expected a duration above zero, found '0ms'");
    }

    @Test
    void integersInDecimalOrHex() {
        Problems p = new Problems("f.yaml");
        assertThat(Scalars.integer(integer("0x1001"), "spi", p, 0, 0xFFFF_FFFFL)).isEqualTo(0x1001L);
        assertThat(Scalars.integer(integer("1_000"), "n", p, 0, 10_000)).isEqualTo(1000L);
        assertThat(Scalars.integerOrHex(string("0xE001"), "device", p, 0, 0xFFFF)).isEqualTo(0xE001L);
        assertThat(p.isEmpty()).isTrue();
        assertThat(Scalars.integer(integer("70000"), "n", p, 0, 65535)).isNull();
        assertThat(Scalars.integerOrHex(string("E001"), "device", p, 0, 0xFFFF)).isNull();
        assertThat(p.errors()).extracting(Throwable::getMessage).containsExactly(
                "f.yaml:3:7: n: expected a whole number from 0 to 65535, found 70000",
                "f.yaml:3:7: device: expected a whole number or hex like 0x1f, found 'E001'");
    }

    @Property
    void aFormattedDurationReadsBackTheSame(@ForAll @LongRange(min = 1, max = 100_000_000) long millis) {
        Duration d = Duration.ofMillis(millis);
        Problems p = new Problems("f");
        assertThat(Scalars.duration(string(Scalars.format(d)), "x", p, true)).isEqualTo(d);
    }
}
