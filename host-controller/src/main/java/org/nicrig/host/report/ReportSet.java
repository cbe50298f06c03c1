package org.nicrig.host.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reports of a run, written side by side in its output directory, each atomically: a reader
 * sees a report whole or not at all. Pcaps are not here: the runner writes them live through
 * {@link PcapSet}.
 */
public final class ReportSet {

    /** Where {@link #writeAll} put the reports. */
    public record Files(Path junitXml, Path summaryJson, Path html) {
    }

    private ReportSet() {
    }

    /** Writes {@code junit.xml}, {@code summary.json} and {@code report.html} into {@code outDir}. */
    public static Files writeAll(RunReport report, Path outDir) throws IOException {
        Files files = new Files(outDir.resolve(JUnitXmlWriter.FILE_NAME), outDir.resolve(JsonSummaryWriter.FILE_NAME),
                outDir.resolve(HtmlReportWriter.FILE_NAME));
        JUnitXmlWriter.write(report, files.junitXml());
        JsonSummaryWriter.write(report, files.summaryJson());
        HtmlReportWriter.write(report, files.html());
        return files;
    }

    /**
     * Rebuilds the reports of a run from its journal alone, e.g. for {@code nicrig report
     * <out>/journal.jsonl} after a killed run, into the journal's directory.
     */
    public static Files fromJournal(Path journalFile) throws IOException {
        Journal journal = JournalReader.read(journalFile);
        if (journal.events().isEmpty()) {
            throw new JournalFormatException(journalFile, 1, "the journal is empty: the run died before it started");
        }
        return writeAll(RunReport.fromJournal(journal), journalFile.toAbsolutePath().getParent());
    }
}
