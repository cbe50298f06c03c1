package org.nicrig.host.run;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.report.PcapSet;
import org.nicrig.host.report.RunJournal;
import org.nicrig.host.report.TeamEventKind;
import org.nicrig.host.rig.Fig4Mode;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.host.rig.RigSa;
import org.nicrig.host.rig.TeamSettings;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.team.Fig4Policy;
import org.nicrig.host.team.PrimaryReselect;
import org.nicrig.host.team.ReceivedPacket;
import org.nicrig.host.team.Team;
import org.nicrig.host.team.TeamConfig;
import org.nicrig.host.team.TeamEvent;
import org.nicrig.host.team.TeamListener;
import org.nicrig.host.team.TeamMode;
import org.nicrig.host.team.TeamSa;
import org.nicrig.host.team.distribution.WorkloadDistributor;
import org.nicrig.host.traffic.Ethernet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.nicrig.host.transport.PtyEmulatorProvider;
import org.nicrig.model.wire.HubWire;
import org.nicrig.model.wire.WireHub;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportRegistry;
import org.nicrig.host.verify.SaVerifier;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.model.wire.Wire;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.SaParams;

/**
 * A rig brought up for one run: its wire (with the runner playing the peer on an emulated one,
 * and capturing it to pcap), its devices admitted into a team, the team's SAs installed, a
 * verifier per outbound SA, and the team's events fed into the journal and the measurements.
 */
final class RigRuntime implements AutoCloseable {
    final Rig rig;
    final Team team;
    final RunJournal journal;
    final Wire wire;
    private final WireHub hub;
    final RigPeer peer;
    final PcapSet pcaps;
    final TransportRegistry transports;
    final Map<String, TeamSa> sas = new LinkedHashMap<>();
    final Map<Long, OrderedVerifier> verifiers = new HashMap<>();
    final InboundExpectations inbound;
    final List<TeamEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, String> refused = new ConcurrentHashMap<>();
    final Map<String, Transport> memberTransports = new ConcurrentHashMap<>();
    final Map<MacAddress, String> memberByMac = new ConcurrentHashMap<>();
    final List<long[]> borrowedMacFrames = new CopyOnWriteArrayList<>(); // {spi, seq, nanos} sent under another's MAC
    final java.util.Set<Long> directMacSends = ConcurrentHashMap.newKeySet(); // FIG. 4 direct: (spi, seq) that may do so
    final Stats runStats;
    final int peerIp;
    /** Members a plan step took out on purpose: they are not brought back. */
    final java.util.Set<String> removedByPlan = ConcurrentHashMap.newKeySet();
    private final Map<String, String> memberUris = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService reconnector =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rig-reconnect");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean closing;
    static final long FIRST_RETRY_MILLIS = 250;
    static final long MAX_RETRY_MILLIS = 5_000;

    private RigRuntime(Rig rig, TeamSettings settings, long seed, RunJournal journal, PcapSet pcaps, Stats runStats)
            throws ConfigErrors {
        this.rig = rig;
        this.journal = journal;
        this.pcaps = pcaps;
        this.runStats = runStats;
        this.inbound = new InboundExpectations(journal);
        this.peerIp = ByteBuffer.wrap(((Inet4Address) rig.peer().ip()).getAddress()).getInt();
        boolean processes = rig.devices().stream().anyMatch(d -> d.transport().startsWith(PtyEmulatorProvider.SCHEME + ":"));
        try {
            if (rig.wire() instanceof org.nicrig.host.rig.Wire.Hub h) {
                // emulators started elsewhere share this hub: the runner joins it to play the peer
                this.hub = null;
                this.wire = HubWire.connect(new InetSocketAddress(h.host(), h.port()), HubWire.DEFAULT_CONNECT_TIMEOUT);
            } else if (rig.wire() instanceof org.nicrig.host.rig.Wire.InProcess && processes) {
                // devices in their own processes: one segment through a hub the runner starts
                this.hub = WireHub.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                this.wire = HubWire.connect(hub.address(), HubWire.DEFAULT_CONNECT_TIMEOUT);
            } else if (rig.wire() instanceof org.nicrig.host.rig.Wire.InProcess) {
                this.hub = null;
                this.wire = new VirtualWire();
            } else {
                throw new ConfigErrors(List.of(new ConfigException(rig.name(), 0, 0, "wire",
                        "the runner plays the peer on an emulated wire or a hub; " + rig.wire()
                                + " (real hardware on a captured wire) needs a peer of its own, which this version does not drive")));
            }
        } catch (IOException e) {
            throw new ConfigErrors(List.of(new ConfigException(rig.name(), 0, 0, "wire", "cannot reach the wire: " + e.getMessage())));
        }
        this.transports = TransportRegistry.forRig(wire, Optional.ofNullable(hub).map(WireHub::address));
        wire.addTap(this::tapped);
        this.peer = new RigPeer(wire, rig.peer().mac(), seed);
        TeamConfig config = new TeamConfig(
                settings.mode() == org.nicrig.host.rig.TeamMode.ALB ? TeamMode.ALB : TeamMode.AFT,
                settings.primary(),
                PrimaryReselect.valueOf(settings.primaryReselect().name()),
                settings.fig4() == Fig4Mode.DIRECT_MAC ? Fig4Policy.DIRECT_MAC : Fig4Policy.RETURN,
                settings.sessionConfig(), new WorkloadDistributor(), 4, seed);
        this.team = new Team(config, rig.allowList());
        team.addListener(new TeamListener() {
            @Override
            public void onEvent(TeamEvent event) {
                teamEvent(event);
            }

            @Override
            public void onReceive(ReceivedPacket packet) {
                inbound.received(packet, runStats);
            }
        });
    }

    /** Brings the rig up: SAs from the rig (keys resolved now), every device through admission. */
    static RigRuntime start(Rig rig, TeamSettings settings, long seed, RunJournal journal, PcapSet pcaps, Stats runStats,
                            ProgressListener progress) throws ConfigErrors, InterruptedException {
        RigRuntime r = new RigRuntime(rig, settings, seed, journal, pcaps, runStats);
        try {
            List<ConfigException> problems = new ArrayList<>();
            for (RigSa rs : rig.sas()) {
                try {
                    SaParams params = rs.toParams(System.getenv());
                    TeamSa sa = new TeamSa(rs.name(), params);
                    r.sas.put(rs.name(), sa);
                    r.peer.learn(sa);
                    if (sa.outbound()) {
                        r.verifiers.put(sa.spi(), new OrderedVerifier(new SaVerifier(params), 1));
                    }
                } catch (ConfigException e) {
                    problems.add(e);
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigErrors(problems);
            }
            for (TeamSa sa : r.sas.values()) {
                r.team.addSa(sa).join();
            }
            for (RigDevice d : rig.devices()) {
                r.addMember(d.name(), d.transport(), progress);
            }
            return r;
        } catch (ConfigErrors | InterruptedException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Opens a device and runs admission; a device that cannot be opened counts as refused. */
    AdmissionResult addMember(String name, String uri, ProgressListener progress) throws InterruptedException {
        Transport t;
        try {
            t = transports.create(uri);
        } catch (TransportException e) {
            refuse(name, e.getMessage(), progress);
            return null;
        }
        memberTransports.put(name, t);
        memberUris.put(name, uri);
        try {
            AdmissionResult a = team.addMember(name, t).get(60, TimeUnit.SECONDS);
            String identity = a.identity() == null ? "" : a.identity().pci() + " firmware " + a.identity().firmware()
                    + " MAC " + a.identity().mac();
            journal.admission(name, identity, a.admitted(), a.engineVerified(), a.secondaryUse(), a.reason());
            progress.admitted(name, a.admitted(), a.reason());
            if (!a.admitted()) {
                refused.put(name, a.reason());
            } else {
                memberByMac.put(a.identity().mac(), name);
                journal.teamEvent(TeamEventKind.LINK_CHANGED, name, "up");
                journal.teamEvent(TeamEventKind.ROLE_CHANGED, name, role(name));
            }
            return a;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            refuse(name, c.getMessage(), progress);
            return null;
        }
    }

    private void refuse(String name, String why, ProgressListener progress) {
        refused.put(name, why);
        journal.admission(name, "", false, false, false, why);
        progress.admitted(name, false, why);
    }

    private String role(String member) {
        if (team.config().mode() == TeamMode.ALB) {
            return "active";
        }
        return member.equals(team.active()) ? "primary" : "standby";
    }

    static long key(long spi, long seq) {
        return (spi << 32) ^ (seq & 0xFFFF_FFFFL);
    }

    /** Frames a member sent under another member's MAC that FIG. 4 direct transmit does not explain. */
    long foreignMacFrames(Stats s) {
        return borrowedMacFrames.stream().filter(f -> s.contains(f[2]) && !directMacSends.contains(key(f[0], f[1]))).count();
    }

    DeviceSession session(String member) {
        return team.session(member);
    }

    TeamSa sa(String name) {
        return sas.get(name);
    }

    private void teamEvent(TeamEvent e) {
        events.add(e);
        if (e instanceof TeamEvent.FailedOver f) {
            journal.failedOver(f.to(), "from " + f.from() + ": " + f.reason(), f.gap());
            journal.teamEvent(TeamEventKind.ROLE_CHANGED, f.from(), "standby");
            journal.teamEvent(TeamEventKind.ROLE_CHANGED, f.to(), "primary");
        } else if (e instanceof TeamEvent.LinkChanged l) {
            journal.teamEvent(TeamEventKind.LINK_CHANGED, l.member(), l.up() ? "up" : "down");
        } else if (e instanceof TeamEvent.JobRedispatched j) {
            journal.teamEvent(TeamEventKind.JOB_REDISPATCHED, j.from(), "job " + j.jobId() + ": " + j.reason());
        } else if (e instanceof TeamEvent.LateAnswerDropped l) {
            journal.teamEvent(TeamEventKind.LATE_ANSWER_DROPPED, l.member(), "job " + l.jobId());
        } else if (e instanceof TeamEvent.MemberGone g) {
            journal.teamEvent(TeamEventKind.MEMBER_GONE, g.member(), g.reason());
            String uri = memberUris.get(g.member());
            if (uri != null && !removedByPlan.contains(g.member()) && comesBack(uri)) {
                reconnectLater(g.member(), FIRST_RETRY_MILLIS);
            }
        } else if (e instanceof TeamEvent.MemberSilent s) {
            journal.teamEvent(TeamEventKind.MEMBER_GONE, s.member(), "silent: " + s.reason());
        } else if (e instanceof TeamEvent.MemberBack b) {
            journal.teamEvent(TeamEventKind.ENGINE_RESTORED, b.member(), "answers again");
        } else if (e instanceof TeamEvent.EngineFailed f) {
            journal.teamEvent(TeamEventKind.ENGINE_FAILED, f.member(), f.reason());
        } else if (e instanceof TeamEvent.EngineRestored r) {
            journal.teamEvent(TeamEventKind.ENGINE_RESTORED, r.member(), "self-test passes again");
        } else if (e instanceof TeamEvent.HotSwapped h) {
            journal.teamEvent(TeamEventKind.HOT_SWAPPED, h.added(), "replaced " + h.removed());
        } else if (e instanceof TeamEvent.JobFailed f) {
            journal.jobFailed(f.jobId(), "", f.reason());
        }
    }

    /**
     * Real ports come and go (a USB-serial adapter re-enumerating, a bench powered off, ser2net
     * restarted): a member whose port vanished is absent, not lost. Its port is tried again with
     * back-off and, when it opens, the member goes through admission (ops 300–306) again. Emulated
     * devices stay unplugged: their UNPLUG is the plan's, and reopening would power up a new one.
     */
    private static boolean comesBack(String uri) {
        return uri.startsWith("serial:") || uri.startsWith("tcp:") || uri.startsWith("usb:");
    }

    private void reconnectLater(String member, long delayMillis) {
        if (closing) {
            return;
        }
        try {
            reconnector.schedule(() -> reconnect(member, delayMillis), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the run is ending
        }
    }

    private void reconnect(String member, long lastDelayMillis) {
        if (closing || removedByPlan.contains(member)) {
            return;
        }
        long next = Math.min(MAX_RETRY_MILLIS, lastDelayMillis * 2);
        Transport t;
        try {
            t = transports.create(memberUris.get(member));
            AdmissionResult a = team.addMember(member, t).get(60, TimeUnit.SECONDS);
            memberTransports.put(member, t);
            journal.admission(member, a.identity().pci() + " firmware " + a.identity().firmware() + " MAC " + a.identity().mac(),
                    a.admitted(), a.engineVerified(), a.secondaryUse(), a.admitted() ? "back after its port returned" : a.reason());
            if (a.admitted()) {
                memberByMac.put(a.identity().mac(), member);
                journal.teamEvent(TeamEventKind.MEMBER_ADMITTED, member, "re-admitted after its port returned");
            }
        } catch (TransportException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            reconnectLater(member, next); // still absent: the port is a state, not an error
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closing) {
                reconnectLater(member, next);
            }
        }
    }

    /** Everything on the wire goes to the pcaps; frames a member sent under another's MAC are noted. */
    private void tapped(long nanos, String sender, byte[] frame) {
        Instant now = Instant.now();
        try {
            pcaps.wire().write(now, frame);
            MacAddress senderMac = portMac(sender);
            String member = senderMac == null ? null : memberByMac.get(senderMac);
            if (member != null) {
                pcaps.member(member).write(now, frame);
                if (!Ethernet.source(frame).equals(senderMac) && Ethernet.isIpv4(frame)) {
                    byte[] ip = Ethernet.ipPacket(frame);
                    borrowedMacFrames.add(new long[] {Ethernet.espSpi(ip), Ethernet.espSequence(ip), nanos});
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // the capture is closing at the end of the run
        }
    }

    /** Emulated ports are named PROFILE@MAC. */
    private static MacAddress portMac(String sender) {
        int at = sender.indexOf('@');
        if (at < 0) {
            return null;
        }
        try {
            return MacAddress.parse(sender.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closing = true;
        reconnector.shutdownNow();
        team.close();
        peer.close();
        for (Transport t : memberTransports.values()) {
            t.close();
        }
        if (wire instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the run: nothing to do about a wire that will not close
            }
        }
        if (hub != null) {
            hub.close();
        }
    }
}
