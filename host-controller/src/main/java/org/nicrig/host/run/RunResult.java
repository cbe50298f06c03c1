package org.nicrig.host.run;

import java.nio.file.Path;
import org.nicrig.host.report.ReportSet;
import org.nicrig.host.report.RunReport;

/** How a run ended: the report (also written to disk) and where its files are. */
public record RunResult(RunReport report, ReportSet.Files files, Path outDir, long seed) {
    /** True when every step and expectation passed (marginal counts as passed, with a warning). */
    public boolean passed() {
        return report.verdict() == org.nicrig.host.report.RunVerdict.PASS;
    }
}
