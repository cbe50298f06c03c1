package org.nicrig.host.team.distribution.simulation;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Job sizes drawn at random from a few packet sizes with weights.
 *
 * @param sizes   job sizes in bytes
 * @param weights relative frequency of each size
 */
public record JobMix(List<Integer> sizes, List<Integer> weights) {

    /**
     * Simple IMIX (7:4:1 of 64, 576 and 1500-byte packets) plus one 9000-byte jumbo per 48 IMIX
     * packets: weights 28:16:4:1. Mean 530.8 bytes; the jumbos carry about a third of the bytes.
     */
    public static final JobMix IMIX_WITH_JUMBO = new JobMix(List.of(64, 576, 1500, 9000), List.of(28, 16, 4, 1));

    public JobMix {
        sizes = List.copyOf(Objects.requireNonNull(sizes, "sizes"));
        weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
        if (sizes.isEmpty() || sizes.size() != weights.size()) {
            throw new IllegalArgumentException("need one weight per size, got " + sizes.size()
                    + " sizes and " + weights.size() + " weights");
        }
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) <= 0 || weights.get(i) <= 0) {
                throw new IllegalArgumentException("sizes and weights must be > 0: " + sizes + " " + weights);
            }
        }
    }

    /** One job size. */
    public int sample(SplittableRandom random) {
        int pick = random.nextInt(totalWeight());
        for (int i = 0; i < sizes.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return sizes.get(i);
            }
        }
        throw new AssertionError("weights changed under us");
    }

    public double meanBytes() {
        double sum = 0;
        for (int i = 0; i < sizes.size(); i++) {
            sum += (double) sizes.get(i) * weights.get(i);
        }
        return sum / totalWeight();
    }

    private int totalWeight() {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        return total;
    }
}
