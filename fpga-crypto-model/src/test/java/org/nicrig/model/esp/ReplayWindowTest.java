package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nicrig.model.esp.ReplayWindow.Verdict;

/** RFC 4303 §3.4.3 and Appendix A, on the window alone. */
class ReplayWindowTest {

    @Test
    void freshWindowRejectsZeroAndAcceptsOne() {
        ReplayWindow w = new ReplayWindow(64, false);

        assertThat(w.check(0, false)).isEqualTo(Verdict.DUPLICATE);
        assertThat(w.check(1, false)).isEqualTo(Verdict.FRESH);
    }

    @Test
    void aReceivedNumberIsADuplicateAndNeighboursStayFresh() {
        ReplayWindow w = new ReplayWindow(64, false);
        w.update(10);

        assertThat(w.check(10, false)).isEqualTo(Verdict.DUPLICATE);
        assertThat(w.check(9, false)).isEqualTo(Verdict.FRESH);
        assertThat(w.check(11, false)).isEqualTo(Verdict.FRESH);
    }

    @Test
    void checkAloneDoesNotMoveTheWindow() {
        ReplayWindow w = new ReplayWindow(64, false);

        w.check(500, false);

        assertThat(w.top()).isZero();
        assertThat(w.check(500, false)).isEqualTo(Verdict.FRESH);
    }

    @Test
    void edgeOfTheWindowIsInsideAndOneFurtherIsTooOld() {
        ReplayWindow w = new ReplayWindow(64, false);
        w.update(100);

        assertThat(w.check(100 - 63, false)).isEqualTo(Verdict.FRESH);
        assertThat(w.check(100 - 64, false)).isEqualTo(Verdict.TOO_OLD);
    }

    @Test
    void offByOneDefectLetsTheFirstNumberLeftOfTheWindowThroughEveryTime() {
        ReplayWindow w = new ReplayWindow(64, false);
        w.update(100);

        assertThat(w.check(36, true)).isEqualTo(Verdict.FRESH);
        w.update(36);
        assertThat(w.check(36, true)).as("it has no bit, so it is never seen").isEqualTo(Verdict.FRESH);
        assertThat(w.check(35, true)).isEqualTo(Verdict.TOO_OLD);
        assertThat(w.top()).isEqualTo(100);
    }

    @Test
    void smallConfiguredWindowIsRaisedTo64AndZeroDisables() {
        assertThat(new ReplayWindow(32, false).size()).isEqualTo(64);
        assertThat(new ReplayWindow(1000, false).size()).isEqualTo(1000);
        ReplayWindow off = new ReplayWindow(0, false);
        off.update(5);
        assertThat(off.enabled()).isFalse();
        assertThat(off.check(5, false)).isEqualTo(Verdict.FRESH);
    }

    @Test
    void largeWindowRemembersEveryNumberAcrossManyAdvances() {
        ReplayWindow w = new ReplayWindow(65535, false);
        for (long s = 1; s <= 200_000; s += 3) {
            w.update(s);
        }
        long top = w.top();

        for (long s = top - 65534; s <= top; s++) {
            boolean received = (s - 1) % 3 == 0;
            assertThat(w.check(s, false)).as("seq %d", s).isEqualTo(received ? Verdict.DUPLICATE : Verdict.FRESH);
        }
        assertThat(w.check(top - 65535, false)).isEqualTo(Verdict.TOO_OLD);
    }

    @Test
    void bigJumpClearsTheOldBits() {
        ReplayWindow w = new ReplayWindow(128, false);
        for (long s = 1; s <= 128; s++) {
            w.update(s);
        }
        w.update(128 + 10_000);

        for (long s = 10_128 - 127; s < 10_128; s++) {
            assertThat(w.check(s, false)).as("seq %d", s).isEqualTo(Verdict.FRESH);
        }
    }

    @Test
    void esnCaseAWindowInsideOneBlock() {
        // RFC 4303 Appendix A2.2, case A: Tl >= W - 1
        ReplayWindow w = new ReplayWindow(64, true);
        w.preset(0x0000_0005_0000_1000L);

        assertThat(w.inferHigh(0x1000 - 63)).as("in the window").isEqualTo(5);
        assertThat(w.inferHigh(0x2000)).as("right of the window").isEqualTo(5);
        assertThat(w.inferHigh(0x10)).as("below the window: next block").isEqualTo(6);
    }

    @Test
    void esnCaseBWindowSpansTwoBlocks() {
        // RFC 4303 Appendix A2.2, case B: Tl < W - 1
        ReplayWindow w = new ReplayWindow(64, true);
        w.preset(0x0000_0005_0000_0010L);

        assertThat(w.inferHigh(0xFFFF_FFF0)).as("window part in the previous block").isEqualTo(4);
        assertThat(w.inferHigh(0x8)).isEqualTo(5);
        assertThat(w.inferHigh(0x1000)).isEqualTo(5);
    }

    @Test
    void esnInferenceBeforeTheFirstBlockIsInvalid() {
        ReplayWindow w = new ReplayWindow(64, true);
        w.preset(3);

        assertThat(w.inferHigh(0xFFFF_FFF0)).isEqualTo(-1);
    }

    @Test
    void withoutEsnTheHighBitsAreZero() {
        ReplayWindow w = new ReplayWindow(64, false);
        w.preset(0xFFFF_FF00L);

        assertThat(w.inferHigh(5)).isZero();
    }

    @Test
    void windowSlidesAcrossTwoToThe32WithEsn() {
        ReplayWindow w = new ReplayWindow(64, true);
        w.preset(0xFFFF_FFF0L);
        for (long s = 0xFFFF_FFF1L; s <= 0x1_0000_0010L; s++) {
            long inferred = (w.inferHigh((int) s) << 32) | (s & 0xFFFF_FFFFL);
            assertThat(inferred).isEqualTo(s);
            assertThat(w.check(inferred, false)).isEqualTo(Verdict.FRESH);
            w.update(inferred);
        }
        assertThat(w.top()).isEqualTo(0x1_0000_0010L);
        long old = (w.inferHigh(0xFFFF_FFF5) << 32) | 0xFFFF_FFF5L;
        assertThat(old).isEqualTo(0xFFFF_FFF5L);
        assertThat(w.check(old, false)).isEqualTo(Verdict.DUPLICATE);
    }
}
