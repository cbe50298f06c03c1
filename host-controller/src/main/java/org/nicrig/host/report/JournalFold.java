package org.nicrig.host.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.nicrig.host.report.TimelineEntry.Kind;

/**
 * Rebuilds a {@link RunReport} from journal events. Totals come from the last {@link Progress} line
 * plus the per-packet and per-job events after it: the journal writes a progress line and the
 * events in one order under one lock, so nothing is counted twice. Steps still open when the
 * journal ends are reported as ERROR.
 */
final class JournalFold {
    private final RunReport.Builder report;
    private final TimelineBuilder timeline = new TimelineBuilder();
    private final List<StepStarted> openSteps = new ArrayList<>();
    private final List<Object> stepSlots = new ArrayList<>(); // StepStarted until finished, then StepResult
    private VerdictCounter verdicts = new VerdictCounter();
    private long packetsSent;
    private Map<String, Long> jobs = new TreeMap<>();
    private Map<String, Long> jobsAtLastProgress = Map.of();
    private long lastProgressAt;
    private boolean finished;

    private JournalFold(RunStarted start) {
        report = RunReport.builder(new RunInfo(start.plan(), start.rig(), start.seed(), start.nicrigVersion()),
                start.wallTime());
    }

    static RunReport fold(List<JournalEvent> events, String note) {
        if (events.isEmpty() || !(events.get(0) instanceof RunStarted start)) {
            throw new IllegalArgumentException("a journal starts with a run-started event");
        }
        JournalFold fold = new JournalFold(start);
        events.forEach(fold::accept);
        JournalEvent last = events.get(events.size() - 1);
        if (note != null) {
            fold.report.note(note);
        }
        return fold.finish(last);
    }

    private void accept(JournalEvent e) {
        if (e instanceof StepStarted s) {
            openSteps.add(s);
            stepSlots.add(s);
        } else if (e instanceof StepFinished f) {
            finishStep(f);
        } else if (e instanceof PacketSent) {
            packetsSent++;
        } else if (e instanceof PacketVerified v) {
            verdicts.add(v.member(), v.spi(), v.failedChecks());
            if (!v.ok()) {
                report.packetFailure(new PacketFailure(v.atNanos(), v.member(), v.spi(), v.seq(), v.failedChecks(),
                        v.detail()));
            }
        } else if (e instanceof JobCompleted j) {
            jobs.merge(j.member(), 1L, Long::sum);
        } else if (e instanceof JobFailed j) {
            report.jobFailure(new JobFailure(j.atNanos(), j.jobId(), j.member(), j.reason()));
        } else if (e instanceof Progress p) {
            progress(p);
        } else if (e instanceof FaultInjected f) {
            timeline.marker(f.member(), Kind.FAULT, f.atNanos(),
                    f.parameter().isEmpty() ? f.fault() : f.fault() + " " + f.parameter());
        } else if (e instanceof TeamEventRecorded t) {
            teamEvent(t);
        } else if (e instanceof MemberAdmission a) {
            report.admission(new AdmissionRow(a.member(), a.identity(), a.admitted(), a.engineVerified(),
                    a.secondaryUse(), a.reason()));
        } else if (e instanceof MeasurementRecorded m) {
            report.measurement(new MeasurementResult(m.name(), m.value(), m.unit(), m.limit(), m.outcome(), m.step()));
        } else if (e instanceof RunFinished f) {
            finished = true;
            report.finished(f.verdict(), f.message(), f.wallTime(), Duration.ofNanos(f.atNanos()));
        }
        // RunStarted: taken in the constructor
    }

    private void finishStep(StepFinished f) {
        StepResult result = new StepResult(f.step(), f.stepType(), f.outcome(), f.duration(), f.message(), f.items(),
                f.bytes());
        for (int i = 0; i < openSteps.size(); i++) {
            StepStarted s = openSteps.get(i);
            if (s.step().equals(f.step())) {
                openSteps.remove(i);
                stepSlots.set(stepSlots.indexOf(s), result);
                return;
            }
        }
        stepSlots.add(result); // finished without a start line: still a result
    }

    private void progress(Progress p) {
        verdicts = VerdictCounter.from(p.byMember(), p.bySa());
        packetsSent = p.packetsSent();
        jobs = new TreeMap<>(p.jobsByMember());
        p.jobsByMember().forEach((member, total) -> {
            long delta = total - jobsAtLastProgress.getOrDefault(member, 0L);
            if (delta > 0) {
                timeline.span(member, Kind.JOBS, lastProgressAt, p.atNanos(), delta + " jobs", delta);
            }
        });
        jobsAtLastProgress = p.jobsByMember();
        lastProgressAt = p.atNanos();
    }

    private void teamEvent(TeamEventRecorded t) {
        long at = t.atNanos();
        switch (t.kind()) {
            case ROLE_CHANGED -> timeline.change(t.member(), Kind.ROLE, at, t.detail());
            case LINK_CHANGED -> timeline.change(t.member(), Kind.LINK, at, t.detail());
            case ENGINE_FAILED -> timeline.change(t.member(), Kind.ENGINE, at, "failed");
            case ENGINE_RESTORED -> timeline.end(t.member(), Kind.ENGINE, at);
            case FAILED_OVER -> {
                if (t.gapNanos() != null) {
                    timeline.span(t.member(), Kind.FAILOVER_GAP, at - t.gapNanos(), at,
                            t.detail().isEmpty() ? "fail-over" : t.detail(), 0);
                } else {
                    timeline.marker(t.member(), Kind.EVENT, at, label(t));
                }
            }
            case MEMBER_GONE -> {
                timeline.endAll(t.member(), at);
                timeline.marker(t.member(), Kind.EVENT, at, label(t));
            }
            default -> timeline.marker(t.member(), Kind.EVENT, at, label(t));
        }
    }

    private static String label(TeamEventRecorded t) {
        return t.detail().isEmpty() ? t.kind().name() : t.kind().name() + ": " + t.detail();
    }

    private RunReport finish(JournalEvent last) {
        long end = last.atNanos();
        for (Object slot : stepSlots) {
            if (slot instanceof StepStarted s) {
                report.step(new StepResult(s.step(), s.stepType(), StepOutcome.ERROR,
                        Duration.ofNanos(Math.max(0, end - s.atNanos())),
                        "did not finish: the journal ends during this step"));
            } else {
                report.step((StepResult) slot);
            }
        }
        if (!finished) {
            report.lastSeen(last.wallTime(), Duration.ofNanos(end));
        }
        return report.verdicts(VerdictTable.of(verdicts.byMember(), verdicts.bySa()))
                .packetsSent(packetsSent)
                .jobsCompleted(jobs)
                .timeline(timeline.build(end))
                .build();
    }
}
