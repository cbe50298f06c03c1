package org.nicrig.host.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rig did with one image: what it is, how flashing it went on each device, why its
 * validation stopped (if it did: a refusal, a fall-back), and the run of each plan, by plan name.
 * An image whose flash failed has a {@code failure} and no runs.
 */
public record ImageValidation(ImageFacts image, List<FlashRow> flashes, Optional<String> failure,
                              Map<String, PlanRun> runs) {
    public ImageValidation {
        Objects.requireNonNull(image, "image");
        flashes = List.copyOf(flashes);
        Objects.requireNonNull(failure, "failure");
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }

    /** An image that was flashed and ran its plans. */
    public static ImageValidation ran(ImageFacts image, List<FlashRow> flashes, Map<String, PlanRun> runs) {
        return new ImageValidation(image, flashes, Optional.empty(), runs);
    }

    /** An image whose validation stopped before any plan ran, and why. */
    public static ImageValidation stopped(ImageFacts image, List<FlashRow> flashes, String why) {
        return new ImageValidation(image, flashes, Optional.of(why), Map.of());
    }
}
