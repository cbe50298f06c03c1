package org.nicrig.host.compare;

import java.util.Objects;
import org.nicrig.host.report.RunReport;

/**
 * One plan run on one image: its report, and where its HTML report is relative to the
 * comparison's folder ({@code baseline/conformance/report.html}), for links.
 */
public record PlanRun(RunReport report, String reportPath) {
    public PlanRun {
        Objects.requireNonNull(report, "report");
        reportPath = reportPath == null ? "" : reportPath;
    }
}
