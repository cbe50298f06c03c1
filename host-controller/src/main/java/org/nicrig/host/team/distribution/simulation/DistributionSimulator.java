package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.nicrig.host.team.distribution.Decision;
import org.nicrig.host.team.distribution.Distributor;
import org.nicrig.host.team.distribution.MemberLoad;
import org.nicrig.host.team.distribution.Role;

/**
 * A deterministic discrete-event simulation of secondary-use jobs on a team, in virtual time
 * (nanoseconds, no clock read): the same config and distributor give the same result every run.
 *
 * <p>Model. Jobs arrive as a Poisson process at {@code offeredLoad} times the team's capacity at
 * the start and wait in a FIFO host-side queue. After every arrival, answer and team change the
 * host asks the distributor about the queue's head until it says wait. Each engine works through its
 * jobs one at a time at its available rate (engine rate minus the team traffic it carries); the
 * answer reaches the host {@code jobLatency} later, and only then does the job give back its credit
 * and its outstanding bytes. ENGINE_FAIL and UNPLUG return every job the member holds to the head
 * of the host queue, oldest first, to be dispatched again; answers already on their way from it
 * arrive and are dropped as late (design.md invariant 2). LINK_DOWN changes who carries team
 * traffic but not the engine. See {@link SimulationResult} for what is measured.
 */
public final class DistributionSimulator {

    private final SimulationConfig config;
    private final Distributor distributor;
    private final SimulationListener listener;
    private final boolean observed;
    private final long endNanos;
    private final long latencyNanos;

    private final PriorityQueue<SimEvent> events = new PriorityQueue<>(SimEvent.ORDER);
    private final ArrayDeque<SimJob> hostQueue = new ArrayDeque<>();
    private final List<SimMember> team = new ArrayList<>();
    private final Map<String, SimMember> byId = new HashMap<>();
    private MemberLoad[] loads = new MemberLoad[0];
    private List<MemberLoad> loadView = List.of();
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom sizeRandom;

    private long now;
    private long seq;
    private long nextJobId;
    private double arrivalClock;
    private double meanGapNanos;
    private double capacityBytes;
    private long capacityClock;

    private long submitted;
    private long completed;
    private long failed;
    private long redispatched;
    private long late;
    private long bytesCompleted;

    private DistributionSimulator(SimulationConfig config, Distributor distributor, SimulationListener listener) {
        this.config = config;
        this.distributor = distributor;
        this.listener = listener;
        this.observed = listener != SimulationListener.NONE;
        this.endNanos = config.duration().toNanos();
        this.latencyNanos = config.jobLatency().toNanos();
        SplittableRandom root = new SplittableRandom(config.seed());
        this.arrivalRandom = root.split();
        this.sizeRandom = root.split();
    }

    public static SimulationResult run(SimulationConfig config, Distributor distributor) {
        return run(config, distributor, SimulationListener.NONE);
    }

    public static SimulationResult run(SimulationConfig config, Distributor distributor, SimulationListener listener) {
        return new DistributionSimulator(config, distributor, listener).run();
    }

    private SimulationResult run() {
        for (MemberSpec spec : config.members()) {
            addMember(spec);
        }
        if (config.mode() == TeamMode.AFT) {
            team.get(0).role = Role.PRIMARY; // the first configured member starts as the primary
        }
        teamChanged();
        meanGapNanos = 1e9 * config.jobMix().meanBytes() / (config.offeredLoad() * capacityNow());
        scheduleArrival();
        for (TeamEvent e : config.events()) {
            events.add(new SimEvent.Change(e.at().toNanos(), seq++, e));
        }
        while (!events.isEmpty()) {
            SimEvent ev = events.poll();
            if (!config.drain() && ev.time() > endNanos) {
                break;
            }
            now = ev.time();
            handle(ev);
        }
        integrateCapacity(endNanos);
        return new SimulationResult(distributor.name(), config.duration(), submitted, completed, failed,
                submitted - completed - failed, redispatched, late, bytesCompleted, capacityBytes);
    }

    private void handle(SimEvent ev) {
        if (ev instanceof SimEvent.Arrival) {
            arrive();
        } else if (ev instanceof SimEvent.EngineDone done) {
            engineDone(done);
        } else if (ev instanceof SimEvent.Answer answer) {
            answer(answer);
        } else if (ev instanceof SimEvent.Change change) {
            change(change.event());
        }
    }

    private void scheduleArrival() {
        arrivalClock += -Math.log(1 - arrivalRandom.nextDouble()) * meanGapNanos;
        long at = Math.round(arrivalClock);
        if (at < endNanos) {
            events.add(new SimEvent.Arrival(at, seq++));
        }
    }

    private void arrive() {
        SimJob job = new SimJob(nextJobId++, config.jobMix().sample(sizeRandom));
        submitted++;
        if (observed) {
            listener.submitted(at(), job.id, job.bytes);
        }
        hostQueue.addLast(job);
        scheduleArrival();
        dispatchQueued();
    }

    private void engineDone(SimEvent.EngineDone done) {
        SimMember m = done.member();
        if (done.token() != m.engineToken) {
            return; // rescheduled or the member lost its jobs since
        }
        SimJob job = m.engineQueue.pollFirst();
        m.answering.addLast(job);
        events.add(new SimEvent.Answer(now + latencyNanos, seq++, job, m, m.generation, job.attempt));
        m.lastAdvance = now;
        if (!m.engineQueue.isEmpty()) {
            m.headRemaining = m.engineQueue.peekFirst().bytes;
            scheduleEngine(m);
        }
    }

    private void answer(SimEvent.Answer a) {
        SimJob job = a.job();
        SimMember m = a.member();
        if (m.generation != a.generation() || job.member != m || job.attempt != a.attempt() || job.done) {
            late++;
            if (observed) {
                listener.lateAnswerDropped(at(), job.id, m.id());
            }
            return;
        }
        if (m.answering.pollFirst() != job) {
            throw new IllegalStateException("answers out of order on member " + m.id() + " for job " + job.id);
        }
        m.outstandingBytes -= job.bytes;
        job.done = true;
        job.member = null;
        completed++;
        if (now <= endNanos) {
            bytesCompleted += job.bytes;
        }
        updateLoad(m);
        if (observed) {
            listener.completed(at(), job.id, job.bytes, m.id());
        }
        dispatchQueued();
    }

    private void dispatchQueued() {
        while (!hostQueue.isEmpty()) {
            SimJob job = hostQueue.peekFirst();
            Decision d = distributor.choose(job.bytes, loadView);
            if (d instanceof Decision.Dispatch dispatch) {
                SimMember m = checkedChoice(dispatch.memberId());
                hostQueue.pollFirst();
                assign(job, m);
            } else if (d instanceof Decision.Reject reject) {
                hostQueue.pollFirst();
                job.done = true;
                failed++;
                if (observed) {
                    listener.failed(at(), job.id, reject.reason());
                }
            } else {
                return;
            }
        }
    }

    /** The Distributor contract, checked on every decision: a bad choice is a bug, not a result. */
    private SimMember checkedChoice(String memberId) {
        SimMember m = byId.get(memberId);
        String why = m == null ? "is not in the team"
                : !m.engineHealthy ? "has a failed engine"
                : m.availableRate() == 0 ? "has no rate left"
                : m.outstandingJobs() >= m.spec.queueDepth() ? "has no credits" : null;
        if (why != null) {
            throw new IllegalStateException("distributor " + distributor.name() + " chose member "
                    + memberId + ", which " + why + " (seed " + config.seed() + ", t=" + at() + ")");
        }
        return m;
    }

    private void assign(SimJob job, SimMember m) {
        job.attempt++;
        job.member = m;
        boolean idle = m.engineQueue.isEmpty();
        m.engineQueue.addLast(job);
        m.outstandingBytes += job.bytes;
        if (idle) {
            m.headRemaining = job.bytes;
            m.lastAdvance = now;
            scheduleEngine(m);
        }
        updateLoad(m);
        if (observed) {
            listener.dispatched(at(), job.id, job.bytes, m.id(), job.attempt);
        }
    }

    private void scheduleEngine(SimMember m) {
        m.engineToken++;
        events.add(new SimEvent.EngineDone(m.headFinish(now), seq++, m, m.engineToken));
    }

    private void change(TeamEvent e) {
        integrateCapacity(now);
        for (SimMember m : team) {
            m.advance(now); // at the old rates, before the change moves team traffic
        }
        if (e instanceof TeamEvent.Join join) {
            addMember(join.member());
        } else if (e instanceof TeamEvent.Fault f) {
            SimMember m = byId.get(f.memberId());
            if (m == null) {
                return; // a fault on a member not in the team now does nothing
            }
            switch (f.kind()) {
                case LINK_DOWN -> m.linkUp = false;
                case LINK_UP -> m.linkUp = true;
                case ENGINE_FAIL -> {
                    if (m.engineHealthy) {
                        m.engineHealthy = false;
                        requeue(m.takeAllJobs());
                    }
                }
                case ENGINE_RESTORE -> m.engineHealthy = true;
                case UNPLUG -> {
                    requeue(m.takeAllJobs());
                    team.remove(m);
                    byId.remove(m.id());
                }
                default -> throw new IllegalStateException("unmodelled fault " + f.kind());
            }
        }
        teamChanged();
        for (SimMember m : team) {
            if (m.engineHealthy && !m.engineQueue.isEmpty()) {
                scheduleEngine(m); // its rate may have changed
            }
        }
        dispatchQueued();
    }

    private void addMember(MemberSpec spec) {
        if (byId.containsKey(spec.id())) {
            throw new IllegalArgumentException("member " + spec.id() + " joins but is already in the team");
        }
        SimMember m = new SimMember(spec, config.mode() == TeamMode.AFT ? Role.STANDBY : Role.ACTIVE);
        m.lastAdvance = now;
        team.add(m);
        byId.put(spec.id(), m);
    }

    /** Puts a failed member's jobs back at the head of the host queue, keeping their order. */
    private void requeue(List<SimJob> jobs) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            SimJob job = jobs.get(i);
            job.member = null;
            hostQueue.addFirst(job);
            redispatched++;
        }
    }

    private void teamChanged() {
        TeamTraffic.apply(config.mode(), team, config.teamTrafficLoad());
        loads = new MemberLoad[team.size()];
        for (int i = 0; i < team.size(); i++) {
            SimMember m = team.get(i);
            m.slot = i;
            loads[i] = m.load();
        }
        loadView = Collections.unmodifiableList(Arrays.asList(loads));
        if (observed) {
            listener.teamChanged(at(), loadView);
        }
    }

    private void updateLoad(SimMember m) {
        loads[m.slot] = m.load();
    }

    /** Sum over members with a healthy engine of (engine rate - team traffic), bytes per second. */
    private long capacityNow() {
        long sum = 0;
        for (SimMember m : team) {
            if (m.engineHealthy) {
                sum += m.availableRate();
            }
        }
        return sum;
    }

    private void integrateCapacity(long t) {
        long until = Math.min(t, endNanos);
        if (until > capacityClock) {
            capacityBytes += capacityNow() * ((until - capacityClock) / 1e9);
            capacityClock = until;
        }
    }

    private Duration at() {
        return Duration.ofNanos(now);
    }
}
