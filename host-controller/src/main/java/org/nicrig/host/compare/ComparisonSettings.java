package org.nicrig.host.compare;

import java.time.Duration;
import java.util.Objects;

/**
 * How strict the comparison is.
 *
 * @param maxRegression   the largest throughput drop per suite that is still GO, as a fraction (0.35 = 35 %)
 * @param minMeasuredTime a throughput figure measured over less time than this (on either image) is
 *                        shown but not judged: over a few tens of milliseconds, scheduling decides more than firmware
 */
public record ComparisonSettings(double maxRegression, Duration minMeasuredTime) {
    /**
     * 35 %: on the emulated rig (a 2-core machine shared with other builds) eight runs of the
     * conformance plan with one image, each in its own process, gave per-suite figures up to 30 %
     * apart (team traffic 8.0 to 11.5 Mb/s for 3DES, jobs 47.7 to 56.8 Mb/s for AES); and five
     * validations of an image against itself saw the second run up to 14 % slower (and up to 58 %
     * faster). A tighter default would call noise a regression; on a quiet bench, tighten it.
     */
    public static final double DEFAULT_MAX_REGRESSION = 0.35;
    public static final Duration DEFAULT_MIN_MEASURED_TIME = Duration.ofMillis(100);
    public static final ComparisonSettings DEFAULT = new ComparisonSettings(DEFAULT_MAX_REGRESSION,
            DEFAULT_MIN_MEASURED_TIME);

    public ComparisonSettings {
        if (!(maxRegression >= 0 && maxRegression <= 1)) {
            throw new IllegalArgumentException("maxRegression must be within 0..1, is " + maxRegression);
        }
        Objects.requireNonNull(minMeasuredTime, "minMeasuredTime");
    }

    public ComparisonSettings withMaxRegression(double fraction) {
        return new ComparisonSettings(fraction, minMeasuredTime);
    }
}
