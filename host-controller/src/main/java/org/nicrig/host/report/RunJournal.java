package org.nicrig.host.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.report.JournalEvent.FaultInjected;
import org.nicrig.host.report.JournalEvent.JobCompleted;
import org.nicrig.host.report.JournalEvent.JobFailed;
import org.nicrig.host.report.JournalEvent.MeasurementRecorded;
import org.nicrig.host.report.JournalEvent.MemberAdmission;
import org.nicrig.host.report.JournalEvent.PacketSent;
import org.nicrig.host.report.JournalEvent.PacketVerified;
import org.nicrig.host.report.JournalEvent.Progress;
import org.nicrig.host.report.JournalEvent.RunFinished;
import org.nicrig.host.report.JournalEvent.RunStarted;
import org.nicrig.host.report.JournalEvent.StepFinished;
import org.nicrig.host.report.JournalEvent.StepStarted;
import org.nicrig.host.report.JournalEvent.TeamEventRecorded;

/**
 * The run journal: {@code <out>/journal.jsonl}, one {@link JournalEvent} per line, appended as
 * things happen (design invariant 4). Each line goes to the file in one write before the call
 * returns, so a killed run leaves every line it had logged; {@link JournalOptions#fsyncEachLine()}
 * extends that to a power loss. The first line is {@link RunStarted}; {@link #finish} writes the
 * last, {@link RunFinished}, and a journal without it reads back as incomplete.
 *
 * <p>Thread-safe: any number of threads may log. Lines are written whole and in the order of their
 * {@code atNanos}. Packets and completed jobs are counted always but journaled one by one only when
 * {@link JournalOptions#verbose()}; a {@link Progress} line with the running totals is written
 * every {@link JournalOptions#progressInterval()} while they change. Failed verdicts and failed jobs
 * are always journaled individually.
 *
 * <p>A write error is thrown as {@link UncheckedIOException} naming the file, from the call that
 * hit it and from every later call: a run whose journal is gone should stop, not go on unrecorded.
 * Logging after {@link #finish} or {@link #close} is a programming error ({@link IllegalStateException}):
 * stop the team before finishing the run.
 */
public final class RunJournal implements AutoCloseable {
    public static final String FILE_NAME = "journal.jsonl";

    private final Path path;
    private final FileOutputStream out;
    private final JournalOptions options;
    private final RunClock clock;
    private final long originNanos;
    private final ScheduledExecutorService ticker;

    // guarded by this
    private final VerdictCounter verdicts = new VerdictCounter();
    private final Map<String, Long> jobsByMember = new TreeMap<>();
    private long packetsSent;
    private long jobsCompleted;
    private long jobsFailed;
    private long changes;
    private long changesAtLastProgress;
    private boolean closed;
    private IOException failure;

    private RunJournal(Path path, FileOutputStream out, JournalOptions options, RunClock clock) {
        this.path = path;
        this.out = out;
        this.options = options;
        this.clock = clock;
        this.originNanos = clock.monotonicNanos();
        this.ticker = options.progressInterval().isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a journal with {@link JournalOptions#DEFAULT} and the system clock. */
    public static RunJournal start(Path outDir, RunInfo run) throws IOException {
        return start(outDir, run, JournalOptions.DEFAULT, RunClock.SYSTEM);
    }

    public static RunJournal start(Path outDir, RunInfo run, JournalOptions options) throws IOException {
        return start(outDir, run, options, RunClock.SYSTEM);
    }

    /**
     * Creates {@code outDir} if needed and {@code outDir/journal.jsonl}, which must not exist yet (a
     * previous run's journal is never overwritten), and writes the {@link RunStarted} line.
     */
    public static RunJournal start(Path outDir, RunInfo run, JournalOptions options, RunClock clock)
            throws IOException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(outDir);
        Path path = outDir.resolve(FILE_NAME);
        // A FileOutputStream, not a FileChannel: an interrupt of a logging thread (a cancelled worker)
        // would close an interruptible channel under every other thread and end the journal.
        Files.createFile(path);
        FileOutputStream out = new FileOutputStream(path.toFile(), true);
        RunJournal journal = new RunJournal(path, out, options, clock);
        try {
            synchronized (journal) {
                journal.append(new RunStarted(0, clock.wallTime(), run.plan(), run.rig(), run.seed(),
                        run.nicrigVersion(), options.verbose()));
            }
        } catch (UncheckedIOException e) {
            out.close();
            throw e.getCause();
        }
        journal.startTicker();
        return journal;
    }

    public Path path() {
        return path;
    }

    public boolean verbose() {
        return options.verbose();
    }

    public synchronized void stepStarted(String step, String stepType) {
        open();
        append(new StepStarted(now(), clock.wallTime(), step, stepType));
    }

    public synchronized void stepFinished(String step, String stepType, StepOutcome outcome, Duration duration,
                                          String message) {
        stepFinished(step, stepType, outcome, duration, message, 0, 0);
    }

    /** A step that moved {@code items} packets or jobs of {@code bytes} plaintext bytes in all. */
    public synchronized void stepFinished(String step, String stepType, StepOutcome outcome, Duration duration,
                                          String message, long items, long bytes) {
        open();
        append(new StepFinished(now(), clock.wallTime(), step, stepType, outcome, duration, message, items, bytes));
    }

    /** A packet handed to the team on {@code member}; counted, and journaled when verbose. */
    public synchronized void packetSent(String member, String flow, long seq, int bytes) {
        open();
        packetsSent++;
        changes++;
        if (options.verbose()) {
            append(new PacketSent(now(), clock.wallTime(), member, flow, seq, bytes));
        }
    }

    /**
     * The verifier's verdict on one packet: {@code failedChecks} empty means ok. Counted per member
     * and per SA; journaled when it failed, or when verbose.
     */
    public synchronized void packetVerified(String member, long spi, long seq, List<String> failedChecks,
                                            String detail) {
        open();
        List<String> checks = failedChecks == null ? List.of() : failedChecks;
        verdicts.add(Objects.requireNonNull(member, "member"), spi, checks);
        changes++;
        if (options.verbose() || !checks.isEmpty()) {
            append(new PacketVerified(now(), clock.wallTime(), member, spi, seq, checks.isEmpty(), checks, detail));
        }
    }

    /** A secondary-use job answered; counted per member, and journaled when verbose. */
    public synchronized void jobCompleted(long jobId, String member, int bytes, Duration latency, int attempts) {
        open();
        jobsCompleted++;
        jobsByMember.merge(Objects.requireNonNull(member, "member"), 1L, Long::sum);
        changes++;
        if (options.verbose()) {
            append(new JobCompleted(now(), clock.wallTime(), jobId, member, bytes, latency.toNanos(), attempts));
        }
    }

    /** A job failed for good; always journaled. {@code member} is the last member tried, or null. */
    public synchronized void jobFailed(long jobId, String member, String reason) {
        open();
        jobsFailed++;
        changes++;
        append(new JobFailed(now(), clock.wallTime(), jobId, member, reason));
    }

    /** The runner injected {@code fault} (a {@code FaultKind} name) on {@code member}. */
    public synchronized void faultInjected(String member, String fault, String parameter) {
        open();
        append(new FaultInjected(now(), clock.wallTime(), member, fault, parameter));
    }

    public synchronized void teamEvent(TeamEventKind kind, String member, String detail) {
        open();
        append(new TeamEventRecorded(now(), clock.wallTime(), kind, member, detail, null));
    }

    /** Traffic failed over to {@code newPrimary} after an outage of {@code gap}. */
    public synchronized void failedOver(String newPrimary, String detail, Duration gap) {
        open();
        append(new TeamEventRecorded(now(), clock.wallTime(), TeamEventKind.FAILED_OVER, newPrimary, detail,
                gap.toNanos()));
    }

    /** What admission decided for one member (ops. 300, 302); {@code identity} is display text. */
    public synchronized void admission(String member, String identity, boolean admitted, boolean engineVerified,
                                       boolean secondaryUse, String reason) {
        open();
        append(new MemberAdmission(now(), clock.wallTime(), member, identity, admitted, engineVerified,
                secondaryUse, reason));
    }

    public synchronized void measurement(String name, double value, String unit, String limit,
                                         MeasurementOutcome outcome, String step) {
        open();
        append(new MeasurementRecorded(now(), clock.wallTime(), name, value, unit, limit, outcome, step));
    }

    /** Writes a {@link Progress} line with the running totals now. */
    public synchronized void progress() {
        open();
        writeProgress();
    }

    /**
     * Ends the run: writes the final totals and {@link RunFinished}, forces the file to disk and
     * closes it.
     */
    public synchronized void finish(RunVerdict verdict, String message) {
        open();
        Objects.requireNonNull(verdict, "verdict");
        stopTicker();
        writeProgress();
        append(new RunFinished(now(), clock.wallTime(), verdict, message));
        closed = true;
        try {
            out.getFD().sync();
            out.close();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /**
     * Closes without {@link RunFinished}, writing the final totals: the journal stays incomplete, as
     * it must when the run did not reach a verdict. Does nothing after {@link #finish}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stopTicker();
        try {
            if (failure == null) {
                writeProgress();
            }
        } finally {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    private void startTicker() {
        if (ticker != null) {
            long period = options.progressInterval().toNanos();
            ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        }
    }

    private void stopTicker() {
        if (ticker != null) {
            ticker.shutdown(); // no interrupt: the periodic task is cancelled, a running one finishes
        }
    }

    private synchronized void tick() {
        if (closed || failure != null || changes == changesAtLastProgress) {
            return;
        }
        try {
            writeProgress();
        } catch (UncheckedIOException e) {
            // kept in failure: the next call from the runner throws it
        }
    }

    private void writeProgress() {
        changesAtLastProgress = changes;
        append(new Progress(now(), clock.wallTime(), packetsSent, verdicts.verified(), verdicts.failed(),
                jobsCompleted, jobsFailed, verdicts.byMember(), verdicts.bySa(), jobsByMember));
    }

    private long now() {
        return clock.monotonicNanos() - originNanos;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("journal " + path + " is closed");
        }
        if (failure != null) {
            throw new UncheckedIOException("journal " + path + " failed earlier", failure);
        }
    }

    /** One event, one line, one write: the line reaches the file whole or the call throws. */
    private void append(JournalEvent event) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(event);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            out.write(line);
            if (options.fsyncEachLine()) {
                out.getFD().sync();
            }
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private UncheckedIOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return new UncheckedIOException("cannot write journal " + path + ": " + e.getMessage(), e);
    }
}
