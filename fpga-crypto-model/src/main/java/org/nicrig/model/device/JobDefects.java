package org.nicrig.model.device;

import java.util.SplittableRandom;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;

/**
 * The job-handling defects (DEFECTS.md): which jobs the engine loses (DROP_EVERY_NTH_JOB) and
 * which it answers twice (JOB_ANSWERED_TWICE). Decided in the order the engine takes jobs off its
 * queue, from streams fixed by {@link Defects#seed()}, so a run with the same seed and the same
 * jobs drops and repeats the same ones (design invariant 6).
 */
final class JobDefects {
    /** What the engine does wrong with one job. */
    record Decision(boolean drop, boolean answerTwice) {
        static final Decision CORRECT = new Decision(false, false);
    }

    /** Smallest and largest N of DROP_EVERY_NTH_JOB. */
    static final int MIN_PERIOD = 3;
    static final int MAX_PERIOD = 8;
    /** JOB_ANSWERED_TWICE repeats each job with this probability, one in... */
    static final int TWICE_ONE_IN = 4;

    private final int dropPeriod;
    private final SplittableRandom twice;
    private long taken;

    JobDefects(Defects defects) {
        this.dropPeriod = dropPeriod(defects);
        this.twice = defects.has(Defect.JOB_ANSWERED_TWICE) ? defects.random(Defect.JOB_ANSWERED_TWICE) : null;
    }

    /** N of DROP_EVERY_NTH_JOB for this defect set (0 when the defect is absent). */
    static int dropPeriod(Defects defects) {
        if (!defects.has(Defect.DROP_EVERY_NTH_JOB)) {
            return 0;
        }
        return MIN_PERIOD + defects.random(Defect.DROP_EVERY_NTH_JOB).nextInt(MAX_PERIOD - MIN_PERIOD + 1);
    }

    /** The decision for the next job the engine takes (jobs numbered from 1). */
    synchronized Decision next() {
        taken++;
        boolean drop = dropPeriod > 0 && taken % dropPeriod == 0;
        boolean again = twice != null && twice.nextInt(TWICE_ONE_IN) == 0;
        return drop || again ? new Decision(drop, again && !drop) : Decision.CORRECT;
    }
}
