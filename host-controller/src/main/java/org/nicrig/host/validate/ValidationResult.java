package org.nicrig.host.validate;

import java.nio.file.Path;
import org.nicrig.host.compare.Comparison;

/** How a validation ended: the comparison (also written) and where its two reports are. */
public record ValidationResult(Comparison comparison, Path json, Path html) {
}
