package org.nicrig.host.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.host.plan.Expectation;
import org.nicrig.host.plan.Outcome;
import org.nicrig.host.plan.Step;
import org.nicrig.host.plan.Trigger;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.transport.Transport;
import org.nicrig.protocol.message.InjectFault;

/**
 * Runs a plan's steps: in order, a parallel group's steps side by side, each when its trigger
 * fires ({@code at} counts from the start of the enclosing group or the plan, {@code after} waits
 * for the named step) and within its timeout. Every step ends with an outcome in the journal; a
 * step that fails does not stop the plan, except that a plan past its own timeout stops.
 */
final class StepRunner {
    /** One step's outcome, for the summary. */
    record Finished(String name, String type, StepOutcome outcome, Duration duration, String message) {
    }

    private final RigRuntime rig;
    private final long seed;
    private final ProgressListener progress;
    private final Map<String, Stats> stepStats = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();
    private final List<Finished> results = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Measurer.Result> measurements = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Measurer measurer;
    private final AtomicLong stepIds = new AtomicLong();

    StepRunner(RigRuntime rig, long seed, ProgressListener progress) {
        this.rig = rig;
        this.seed = seed;
        this.progress = progress;
        this.measurer = new Measurer(rig, stepStats);
    }

    List<Finished> results() {
        return results;
    }

    List<Measurer.Result> measurements() {
        return measurements;
    }

    /** Runs {@code steps} in order within {@code deadlineNanos}, measuring into {@code parent}. */
    void runSequence(List<Step> steps, Stats parent, long groupStartNanos, long deadlineNanos) throws InterruptedException {
        for (Step s : steps) {
            finished.computeIfAbsent(s.name(), k -> new CompletableFuture<>());
        }
        for (Step s : steps) {
            if (System.nanoTime() >= deadlineNanos) {
                skip(s, "the enclosing timeout passed before it started");
                continue;
            }
            runStep(s, parent, groupStartNanos, deadlineNanos);
        }
    }

    private void skip(Step s, String why) {
        rig.journal.stepFinished(s.name(), typeOf(s), StepOutcome.SKIPPED, Duration.ZERO, why);
        progress.stepFinished(s.name(), StepOutcome.SKIPPED.name(), why);
        results.add(new Finished(s.name(), typeOf(s), StepOutcome.SKIPPED, Duration.ZERO, why));
        finished.computeIfAbsent(s.name(), k -> new CompletableFuture<>()).complete(null);
    }

    private void runStep(Step step, Stats parent, long groupStartNanos, long outerDeadline) throws InterruptedException {
        Stats stats = parent.child(step.name());
        stepStats.put(step.name(), stats);
        try {
            awaitTrigger(step, groupStartNanos, outerDeadline);
            long start = System.nanoTime();
            stats.startNanos = start;
            long deadline = Math.min(outerDeadline, start + step.timeout().toNanos());
            String type = typeOf(step);
            rig.journal.stepStarted(step.name(), type);
            progress.stepStarted(step.name(), type);
            StepOutcome outcome;
            String message;
            try {
                message = execute(step, stats, start, deadline);
                outcome = message == null ? StepOutcome.PASS : StepOutcome.FAIL;
                if (message == null && System.nanoTime() > deadline) {
                    outcome = StepOutcome.FAIL;
                    message = "did not finish within its timeout of " + step.timeout().toMillis() + " ms";
                }
            } catch (RuntimeException e) {
                outcome = StepOutcome.ERROR;
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            stats.endNanos = System.nanoTime();
            Duration took = Duration.ofNanos(stats.endNanos - start);
            rig.journal.stepFinished(step.name(), type, outcome, took, message == null ? "" : message, stats.items(),
                    stats.bytes.sum());
            progress.stepFinished(step.name(), outcome.name(), message == null ? "" : message);
            results.add(new Finished(step.name(), type, outcome, took, message == null ? "" : message));
        } finally {
            if (stats.endNanos == 0) {
                stats.endNanos = System.nanoTime();
            }
            finished.computeIfAbsent(step.name(), k -> new CompletableFuture<>()).complete(null);
        }
    }

    private void awaitTrigger(Step step, long groupStartNanos, long deadline) throws InterruptedException {
        Trigger t = triggerOf(step);
        if (t instanceof Trigger.At at) {
            long wait = groupStartNanos + at.sinceStart().toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, Math.max(0, deadline - System.nanoTime())));
            }
        } else if (t instanceof Trigger.After after) {
            try {
                finished.computeIfAbsent(after.step(), k -> new CompletableFuture<>())
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // runs anyway, late: the timeout shows in its outcome
            }
        }
    }

    private static Trigger triggerOf(Step step) {
        if (step instanceof Step.Fault f) {
            return f.trigger();
        }
        if (step instanceof Step.HotSwap h) {
            return h.trigger();
        }
        return new Trigger.WhenReached();
    }

    static String typeOf(Step step) {
        if (step instanceof Step.Traffic) {
            return "traffic";
        } else if (step instanceof Step.Secondary) {
            return "secondary";
        } else if (step instanceof Step.Fault) {
            return "fault";
        } else if (step instanceof Step.HotSwap) {
            return "hot-swap";
        } else if (step instanceof Step.Wait) {
            return "wait";
        } else if (step instanceof Step.Expect) {
            return "expect";
        } else if (step instanceof Step.Parallel) {
            return "parallel";
        }
        return "probe";
    }

    /** Null when the step did what it was asked; else why not. */
    private String execute(Step step, Stats stats, long start, long deadline) throws InterruptedException {
        long id = stepIds.incrementAndGet();
        if (step instanceof Step.Traffic t) {
            return new TrafficStep(rig, t, stats, seed, id, deadline).run();
        } else if (step instanceof Step.Secondary s) {
            return new SecondaryStep(rig, s, stats, seed, id, deadline).run();
        } else if (step instanceof Step.Probe p) {
            return new ProbeStep(rig, p, stats, seed, id).run();
        } else if (step instanceof Step.Fault f) {
            return fault(f);
        } else if (step instanceof Step.HotSwap h) {
            return hotSwap(h);
        } else if (step instanceof Step.Wait w) {
            TimeUnit.NANOSECONDS.sleep(Math.min(w.duration().toNanos(), Math.max(0, deadline - System.nanoTime())));
            return null;
        } else if (step instanceof Step.Expect e) {
            return expect(e);
        }
        return parallel((Step.Parallel) step, stats, start, deadline);
    }

    private String parallel(Step.Parallel group, Stats stats, long start, long deadline) throws InterruptedException {
        for (Step s : group.steps()) {
            finished.computeIfAbsent(s.name(), k -> new CompletableFuture<>());
        }
        List<Thread> threads = new ArrayList<>();
        for (Step s : group.steps()) {
            Thread t = new Thread(() -> {
                try {
                    runStep(s, stats, start, deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "step " + s.name());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long failed = results.stream().filter(r -> group.steps().stream().anyMatch(s -> s.name().equals(r.name()))
                && r.outcome() != StepOutcome.PASS).count();
        return failed == 0 ? null : failed + " of its steps did not pass";
    }

    private String fault(Step.Fault f) {
        long parameter = f.ratePpm();
        rig.journal.faultInjected(f.member(), f.fault().name(), parameter == 0 ? (f.duration().isZero() ? "" : f.duration().toMillis() + " ms") : parameter + " ppm");
        Transport t = rig.memberTransports.get(f.member());
        if (f.fault() == org.nicrig.protocol.message.FaultKind.UNPLUG && t instanceof org.nicrig.host.transport.PtyEmulatorTransport p) {
            p.kill(); // a real process dies, as a pulled cable or a crashed device
            return null;
        }
        DeviceSession s = rig.session(f.member());
        if (s == null) {
            return "no member named " + f.member() + " is in the team";
        }
        try {
            s.call(new InjectFault(f.fault(), parameter, f.duration()));
            return null;
        } catch (org.nicrig.host.session.SessionException e) {
            return "could not inject " + f.fault() + " into " + f.member() + ": " + e.getMessage();
        }
    }

    private String hotSwap(Step.HotSwap h) throws InterruptedException {
        if (h.remove().isPresent()) {
            String name = h.remove().get();
            rig.removedByPlan.add(name);
            rig.team.removeMember(name, "hot-swap: removed by the plan").join();
            Transport t = rig.memberTransports.remove(name);
            if (t != null) {
                t.close();
            }
        }
        if (h.add().isPresent()) {
            var a = rig.addMember(h.add().get().name(), h.add().get().transport(), progress);
            if (h.remove().isPresent() && a != null && a.admitted()) {
                // make before break has happened inside the team: the SAs were installed before any work
                rig.journal.teamEvent(org.nicrig.host.report.TeamEventKind.HOT_SWAPPED, h.add().get().name(),
                        "replaced " + h.remove().get());
            }
        }
        return null;
    }

    private String expect(Step.Expect e) {
        int failed = 0;
        for (Expectation x : e.expectations()) {
            Measurer.Result r = measurer.evaluate(x);
            measurements.add(r);
            rig.journal.measurement(r.name(), Double.isNaN(r.value()) ? -1 : r.value(), r.unit(), r.limit(),
                    MeasurementOutcome.valueOf(r.outcome().name()), e.name());
            if (r.outcome() == Outcome.FAIL) {
                failed++;
            }
        }
        return failed == 0 ? null : failed + " of " + e.expectations().size() + " expectations failed";
    }
}
