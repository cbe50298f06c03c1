/**
 * What a plan run leaves behind (design invariant 4: nothing lost on a crash).
 *
 * <ul>
 *   <li>{@link org.nicrig.host.report.RunJournal} appends {@link org.nicrig.host.report.JournalEvent}s to
 *       {@code journal.jsonl} as they happen; {@link org.nicrig.host.report.JournalReader} reads one back,
 *       also from a killed run (incomplete, torn last line).</li>
 *   <li>{@link org.nicrig.host.report.RunReport} is the run as plain data, built by the runner or rebuilt
 *       from a journal alone.</li>
 *   <li>{@link org.nicrig.host.report.ReportSet} writes {@code junit.xml}, {@code summary.json} and
 *       {@code report.html}, each atomically ({@link org.nicrig.host.report.AtomicFile}).</li>
 *   <li>{@link org.nicrig.host.report.PcapSet} / {@link org.nicrig.host.report.PcapWriter} write the
 *       captures live, one per member and one of the wire.</li>
 * </ul>
 */
package org.nicrig.host.report;
