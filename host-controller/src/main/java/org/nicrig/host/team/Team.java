package org.nicrig.host.team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.nicrig.host.admission.Admission;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.admission.AllowList;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionListener;
import org.nicrig.host.transport.Transport;
import org.nicrig.protocol.message.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team of NICs presented as one homogeneously IPsec-capable interface (the augmentation layer
 * of the patent). Members join through ops 300–306 ({@link Admission}); the team then routes
 * outbound ESP for members without an engine to members with one (FIG. 4), has inbound ESP that
 * arrived on such members decrypted elsewhere (FIG. 5), lends its engines to the OS by workload
 * (FIG. 6, {@link CryptoService}), fails over in AFT, and takes members in and out at run time.
 *
 * <p>Threading: all team state lives on one thread (the team loop); sessions, timers and callers
 * only post work to it. Blocking work (opening a session, admission self-tests, installing SAs)
 * runs on a separate admission thread and posts its result back. This keeps a slow device from
 * stalling the team, and keeps the reader threads of sessions from ever waiting on the team.
 */
public final class Team implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Team.class);

    final TeamConfig config;
    private final Admission admission;
    private final ExecutorService loop;
    private final ExecutorService admitter;
    private final ScheduledExecutorService timer;
    private final List<TeamListener> listeners = new CopyOnWriteArrayList<>();
    private final CryptoService cryptoService = new CryptoService(this);
    private final AtomicLong nextJobId = new AtomicLong(1);

    // team-loop state
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<Long, TeamSa> sas = new LinkedHashMap<>();
    private final Dispatcher dispatcher;
    private final List<AdmissionResult> admissions = new ArrayList<>();
    String active;
    private boolean closed;

    // counters any thread may read
    final AtomicLong redispatched = new AtomicLong();
    final AtomicLong lateAnswersDropped = new AtomicLong();
    final AtomicLong duplicateCompletions = new AtomicLong();
    final AtomicLong failedJobs = new AtomicLong();
    final AtomicLong completedJobs = new AtomicLong();
    final AtomicLong failovers = new AtomicLong();

    public Team(TeamConfig config, AllowList allowList) {
        this.config = config;
        this.admission = new Admission(allowList, config.seed());
        this.loop = Executors.newSingleThreadExecutor(daemon("team-loop"));
        this.admitter = Executors.newSingleThreadExecutor(daemon("team-admission"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("team-timer"));
        this.dispatcher = new Dispatcher(this);
        long probe = config.engineProbeInterval().toNanos();
        timer.scheduleWithFixedDelay(() -> post(this::probeFailedEngines), probe, probe, TimeUnit.NANOSECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void addListener(TeamListener l) {
        listeners.add(l);
    }

    public CryptoService cryptoService() {
        return cryptoService;
    }

    public TeamConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ running on the loop

    void post(Runnable r) {
        try {
            loop.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("team loop task failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the team has closed; nothing is waiting for this any more
        }
    }

    /** Runs on the loop and returns what it computed. */
    <T> CompletableFuture<T> ask(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        post(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    void emit(TeamEvent e) {
        LOG.debug("team: {}", e);
        for (TeamListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("team listener failed on {}", e, ex);
            }
        }
    }

    void deliver(ReceivedPacket p) {
        for (TeamListener l : listeners) {
            try {
                l.onReceive(p);
            } catch (RuntimeException ex) {
                LOG.warn("team listener failed on a received packet", ex);
            }
        }
    }

    // ------------------------------------------------------------------ members

    /**
     * Opens a session to a device and runs ops 300–306 on it; an admitted member gets the team's
     * SAs installed before it is given any work (make before break). Completes with the
     * admission result; a device that cannot be opened completes exceptionally.
     */
    public CompletableFuture<AdmissionResult> addMember(String name, Transport transport) {
        CompletableFuture<AdmissionResult> result = new CompletableFuture<>();
        admitter.execute(() -> {
            DeviceSession session = new DeviceSession(name, transport, config.session());
            try {
                session.open();
            } catch (Exception e) {
                session.close();
                String why = e.getMessage();
                post(() -> emit(new TeamEvent.MemberRefused(System.nanoTime(), name, why)));
                result.completeExceptionally(e);
                return;
            }
            AdmissionResult a = admission.admit(name, session);
            if (!a.admitted()) {
                session.close();
                post(() -> {
                    admissions.add(a);
                    emit(new TeamEvent.MemberRefused(System.nanoTime(), name, a.reason()));
                });
                result.complete(a);
                return;
            }
            Member m = new Member(name, session, a);
            m.installing = true;
            session.addListener(new MemberSessionListener(m));
            List<TeamSa> toInstall = ask(() -> {
                admissions.add(a);
                members.put(name, m);
                emit(new TeamEvent.MemberAdmitted(System.nanoTime(), name, a));
                return List.copyOf(sas.values());
            }).join();
            installSas(m, toInstall);
            post(() -> {
                m.installing = false;
                emit(new TeamEvent.SasInstalled(System.nanoTime(), name, m.slots.size()));
                reconsiderActive("member " + name + " joined");
                dispatcher.pump();
            });
            result.complete(a);
        });
        return result;
    }

    /** Installs the SAs a member's engine can run. Runs on the admission thread (blocking calls). */
    private void installSas(Member m, List<TeamSa> list) {
        if (!m.capable()) {
            return;
        }
        Capabilities caps = m.session.identity().capabilities();
        for (TeamSa sa : list) {
            if (!caps.ciphers().contains(sa.params().cipher()) || !caps.integrities().contains(sa.params().integrity())) {
                continue;
            }
            int slot = ask(() -> m.nextSlot++).join();
            try {
                m.session.call(new SaAdd(slot, sa.params()));
                post(() -> m.slots.put(sa.spi(), slot));
            } catch (Exception e) {
                LOG.warn("{}: could not install {}: {}", m.name, sa, e.getMessage());
            }
        }
        ask(() -> null).join(); // the slot puts above are on the loop before the caller goes on
    }

    /** Adds an SA to the team and installs it on every member whose engine runs it; completes when installed. */
    public CompletableFuture<Void> addSa(TeamSa sa) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        admitter.execute(() -> {
            List<Member> targets = ask(() -> {
                sas.put(sa.spi(), sa);
                return List.copyOf(members.values());
            }).join();
            for (Member m : targets) {
                installSas(m, List.of(sa));
            }
            post(dispatcher::pump);
            done.complete(null);
        });
        return done;
    }

    /** Takes a member out (hot-swap, UNPLUG as the host sees it): its jobs move to other engines. */
    public CompletableFuture<Void> removeMember(String name, String why) {
        return ask(() -> {
            Member m = members.get(name);
            if (m != null && m.alive) {
                memberGone(m, why, System.nanoTime());
            }
            return null;
        });
    }

    /** Removes one member and admits a replacement, as a lab engineer swaps a card. */
    public CompletableFuture<AdmissionResult> hotSwap(String remove, String addName, Transport transport) {
        return removeMember(remove, "hot-swap: removed").thenCompose(v -> addMember(addName, transport))
                .thenApply(a -> {
                    post(() -> emit(new TeamEvent.HotSwapped(System.nanoTime(), remove, addName)));
                    return a;
                });
    }

    private void memberGone(Member m, String why, long lastSignOfLife) {
        if (!m.alive && !m.silent) {
            return;
        }
        m.alive = false;
        m.silent = false;
        m.lastSignOfLifeNanos = lastSignOfLife;
        emit(new TeamEvent.MemberGone(System.nanoTime(), m.name, why));
        m.session.close(); // fails whatever is still pending there: those jobs re-dispatch
        reconsiderActive(m.name + " gone: " + why);
        dispatcher.pump();
    }

    private final class MemberSessionListener implements SessionListener {
        private final Member m;

        MemberSessionListener(Member m) {
            this.m = m;
        }

        @Override
        public void onEvent(DeviceSession session, Event event) {
            long now = System.nanoTime();
            post(() -> memberEvent(m, event, now));
        }

        @Override
        public void onGone(DeviceSession session, String why) {
            long lastHeard = session.lastHeardNanos();
            post(() -> memberGone(m, why, lastHeard));
        }

        @Override
        public void onSilent(DeviceSession session, String why) {
            long lastHeard = session.lastHeardNanos();
            post(() -> memberSilent(m, why, lastHeard));
        }

        @Override
        public void onBack(DeviceSession session) {
            post(() -> memberBack(m));
        }

        @Override
        public void onLateResponse(DeviceSession session, long sequence, Response response) {
            if (response instanceof JobResult r) {
                lateAnswersDropped.incrementAndGet();
                post(() -> emit(new TeamEvent.LateAnswerDropped(System.nanoTime(), m.name, r.jobId())));
            }
        }
    }

    /** A member that stopped answering is out of the team's work until it answers again. */
    private void memberSilent(Member m, String why, long lastSignOfLife) {
        if (!m.alive) {
            return;
        }
        m.alive = false;
        m.silent = true;
        m.lastSignOfLifeNanos = lastSignOfLife;
        emit(new TeamEvent.MemberSilent(System.nanoTime(), m.name, why));
        reconsiderActive(m.name + " silent: " + why);
        dispatcher.pump();
    }

    /** It answers again: its engine is checked again before it is given work (ops 302 again). */
    private void memberBack(Member m) {
        if (!m.silent || m.session.state() != DeviceSession.State.OPEN) {
            return;
        }
        admitter.execute(() -> {
            String failure = m.capable() ? admission.recheckEngine(m.session) : null;
            post(() -> {
                if (!m.silent) {
                    return;
                }
                m.silent = false;
                m.alive = m.session.state() == DeviceSession.State.OPEN;
                m.engineHealthy = m.capable() && failure == null;
                m.lastSignOfLifeNanos = System.nanoTime();
                emit(new TeamEvent.MemberBack(System.nanoTime(), m.name));
                reconsiderActive(m.name + " answers again");
                dispatcher.pump();
            });
        });
    }

    private void memberEvent(Member m, Event event, long nanos) {
        if (event instanceof LinkChange l) {
            if (m.linkUp != l.up()) {
                m.linkUp = l.up();
                if (!l.up()) {
                    m.lastSignOfLifeNanos = nanos;
                }
                emit(new TeamEvent.LinkChanged(nanos, m.name, l.up()));
                reconsiderActive(m.name + " link " + (l.up() ? "up" : "down"));
            }
        } else if (event instanceof DeviceReset r) {
            // The device lost its SAs: reinstall before it gets SA work again (make before break).
            m.slots.clear();
            m.nextSlot = 0;
            m.installing = true;
            List<TeamSa> list = List.copyOf(sas.values());
            admitter.execute(() -> {
                installSas(m, list);
                post(() -> {
                    m.installing = false;
                    emit(new TeamEvent.SasInstalled(System.nanoTime(), m.name, m.slots.size()));
                    dispatcher.pump();
                });
            });
        } else if (event instanceof FrameReceived f) {
            dispatcher.received(m, f);
        }
    }

    void engineFailed(Member m, String why, long lastSignOfLife) {
        if (!m.engineHealthy || !m.capable()) {
            return;
        }
        m.engineHealthy = false;
        m.lastSignOfLifeNanos = lastSignOfLife;
        emit(new TeamEvent.EngineFailed(System.nanoTime(), m.name, why));
        reconsiderActive(m.name + " engine failed");
    }

    private void probeFailedEngines() {
        for (Member m : members.values()) {
            if (m.alive && m.capable() && !m.engineHealthy) {
                admitter.execute(() -> {
                    String failure = admission.recheckEngine(m.session);
                    if (failure == null) {
                        post(() -> {
                            if (m.alive && !m.engineHealthy) {
                                m.engineHealthy = true;
                                emit(new TeamEvent.EngineRestored(System.nanoTime(), m.name));
                                reconsiderActive(m.name + " engine restored");
                                dispatcher.pump();
                            }
                        });
                    }
                });
            }
        }
    }

    // ------------------------------------------------------------------ AFT: the active member

    /** Can this member carry the team's traffic as the active one? */
    private static boolean usable(Member m) {
        return m.alive && m.linkUp && !m.installing && (!m.capable() || m.engineHealthy);
    }

    void reconsiderActive(String reason) {
        if (config.mode() != TeamMode.AFT) {
            return;
        }
        Member current = active == null ? null : members.get(active);
        Member primary = config.primary() == null ? null : members.get(config.primary());
        Member next;
        if (current != null && usable(current)) {
            if (primary == null || primary == current || !usable(primary)) {
                return;
            }
            boolean switchBack = switch (config.primaryReselect()) {
                case ALWAYS -> true;
                case BETTER -> better(primary, current);
                case FAILURE -> false;
            };
            if (!switchBack) {
                return;
            }
            next = primary;
        } else if (primary != null && usable(primary)) {
            next = primary;
        } else {
            next = members.values().stream().filter(Team::usable)
                    .sorted((a, b) -> Boolean.compare(b.capable() && b.engineHealthy, a.capable() && a.engineHealthy))
                    .findFirst().orElse(null);
        }
        if (next == null) {
            if (current != null && active != null) {
                LOG.warn("team: no member can carry traffic ({})", reason);
            }
            return;
        }
        String from = active;
        active = next.name;
        if (from != null) {
            failovers.incrementAndGet();
            long now = System.nanoTime();
            Duration gap = current == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, now - current.lastSignOfLifeNanos));
            emit(new TeamEvent.FailedOver(now, from, next.name, reason, usable(current) ? Duration.ZERO : gap));
        }
        dispatcher.pump();
    }

    private static boolean better(Member a, Member b) {
        if (a.capable() && a.engineHealthy && !(b.capable() && b.engineHealthy)) {
            return true;
        }
        return a.session.identity().linkSpeedMbps() > b.session.identity().linkSpeedMbps();
    }

    // ------------------------------------------------------------------ traffic and jobs

    /**
     * Sends one IPv4 packet of the team's own traffic. With an outbound SA it leaves as ESP, never
     * as plaintext: encrypted by the egress member's engine or, when it has none, by another's
     * (FIG. 4, by the team's policy). Completes once, or with the reason it could not be sent.
     *
     * @param flowId      keeps a flow on one member in ALB
     * @param sa          the outbound SA, or null for plaintext
     * @param destination the next hop's MAC address
     */
    public CompletableFuture<TxOutcome> transmit(long flowId, byte[] packet, TeamSa sa, MacAddress destination) {
        return transmit(flowId, packet, sa, destination, null);
    }

    /**
     * As {@link #transmit(long, byte[], TeamSa, MacAddress)}, but through {@code egress} while it can
     * transmit (a test pins traffic to the member under test); the team chooses when it cannot.
     */
    public CompletableFuture<TxOutcome> transmit(long flowId, byte[] packet, TeamSa sa, MacAddress destination,
                                                 String egress) {
        long seq = 0;
        if (sa != null) {
            if (!sa.outbound()) {
                throw new IllegalArgumentException(sa + " is inbound; transmit needs an outbound SA");
            }
            seq = sa.nextSequence();
            if (seq == 0) {
                CompletableFuture<TxOutcome> f = new CompletableFuture<>();
                f.completeExceptionally(new IllegalStateException(sa + ": sequence numbers exhausted; a new SA is needed"));
                return f;
            }
        }
        Job job = Job.transmit(nextJobId.getAndIncrement(), sa, packet, seq, flowId, destination);
        job.pinnedEgress = egress;
        post(() -> dispatcher.enqueue(job));
        return job.txOutcome;
    }

    CompletableFuture<JobOutcome> submitSecondary(TeamSa sa, byte[] packet) {
        long seq = sa.nextSequence();
        Job job = Job.secondary(nextJobId.getAndIncrement(), sa, packet, seq);
        if (seq == 0) {
            job.fail(sa + ": sequence numbers exhausted; a new SA is needed");
            return job.outcome;
        }
        post(() -> dispatcher.enqueue(job));
        return job.outcome;
    }

    long newJobId() {
        return nextJobId.getAndIncrement();
    }

    // ------------------------------------------------------------------ views

    /** A consistent view of the team for reports and tests. */
    public CompletableFuture<TeamSnapshot> snapshot() {
        return ask(() -> {
            List<TeamSnapshot.MemberView> views = new ArrayList<>();
            for (Member m : members.values()) {
                views.add(new TeamSnapshot.MemberView(m.name, m.alive, m.linkUp, m.capable(), m.engineHealthy,
                        m.name.equals(active), m.slots.size(), m.jobsCompleted, m.bytesCompleted,
                        m.secondaryJobsCompleted, m.secondaryBytesCompleted, m.mac));
            }
            return new TeamSnapshot(config.mode(), active, views, List.copyOf(admissions), completedJobs.get(),
                    failedJobs.get(), redispatched.get(), lateAnswersDropped.get(), duplicateCompletions.get(),
                    failovers.get(), dispatcher.queued());
        });
    }

    /** The active member in AFT (null in ALB or when none can carry traffic). */
    public String active() {
        return ask(() -> active).join();
    }

    /** The session of a member, for faults and statistics; null if no such member. */
    public DeviceSession session(String member) {
        return ask(() -> {
            Member m = members.get(member);
            return m == null ? null : m.session;
        }).join();
    }

    @Override
    public void close() {
        List<Member> all = ask(() -> {
            closed = true;
            dispatcher.failAll("team closed");
            return List.copyOf(members.values());
        }).join();
        for (Member m : all) {
            m.session.close();
        }
        timer.shutdownNow();
        admitter.shutdownNow();
        loop.shutdown();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean closed() {
        return closed;
    }
}
