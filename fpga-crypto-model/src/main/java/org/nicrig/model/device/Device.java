package org.nicrig.model.device;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.NvmException;
import org.nicrig.model.firmware.NvmState;
import org.nicrig.model.wire.EthernetFrame;
import org.nicrig.model.wire.Wire;
import org.nicrig.model.wire.WirePort;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.message.*;

/**
 * The behavioural model of one NIC: identity and EEPROM, SA table, ESP engine with its
 * performance model, a port on a wire, firmware update, and the faults that act on the device
 * itself (link, engine, reset). Faults of the byte channel (stall, garble, unplug) belong to
 * {@link org.nicrig.model.server.DeviceServer}. Thread-safe: requests, jobs and received frames
 * arrive on different threads.
 *
 * <p>Constructing a Device is powering it on: it boots the firmware its non-volatile memory
 * ({@link DeviceConfig#nvm()}) says, formatting a blank memory with the factory state first. What
 * depends on the firmware is in {@link RunningFirmware}, rebuilt at every boot.
 */
public final class Device implements AutoCloseable {
    /**
     * The longest frame TRANSMIT takes (PROTOCOL.md §5.12): a 14-byte header and a 9216-byte jumbo
     * payload, so that the ESP result of a 1500-byte packet in tunnel mode still fits.
     */
    public static final int MAX_FRAME = 14 + 9216;
    private final DeviceConfig config;
    private final NonVolatileMemory nvm;
    private final Eeprom82559 eeprom;
    private final DeviceFirmware firmware;
    private final DeviceStats stats = new DeviceStats();
    private final Registers registers;
    private final WirePort port;
    private final ExecutorService receiver;
    private final long bootNanos = System.nanoTime();

    private volatile boolean linkUp = true;
    private volatile boolean engineFailed;
    private volatile Consumer<Event> events = e -> { };

    /**
     * Powers the device on.
     *
     * @throws UncheckedIOException wrapping an {@link NvmException} when a blank memory directory
     *                              cannot be formatted
     */
    public Device(DeviceConfig config, Wire wire) {
        this.config = config;
        this.nvm = config.nvm();
        this.eeprom = Eeprom82559.of(DeviceFirmware.formatIfBlank(config).eepromWords());
        this.firmware = new DeviceFirmware(config, eeprom, stats, this::emit);
        this.registers = new Registers(this);
        String name = config.profile().name() + "@" + config.mac();
        this.receiver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-rx");
            t.setDaemon(true);
            return t;
        });
        this.port = wire == null ? null : wire.attach(name, this::queueReceived);
    }

    /**
     * Called once the answer to {@code request} has left the device: FW_ACTIVATE's reboot comes
     * after its ACK (PROTOCOL.md §5.21), so the ACK is never lost to the reboot it announces.
     * Whatever answers requests ({@link org.nicrig.model.server.DeviceServer}, a test) calls it
     * after sending each answer.
     */
    public void afterReply(Request request, Response answer) {
        if (request instanceof Reset && answer instanceof Ack) {
            reset(ResetCause.HOST_REQUEST); // §5.5: the ACK is sent before the reset takes effect
            return;
        }
        firmware.afterReply(request, answer);
    }

    public DeviceConfig config() {
        return config;
    }

    public Eeprom82559 eeprom() {
        return eeprom;
    }

    public MacAddress currentMac() {
        return firmware.running().station.current();
    }

    /** The profile as the running firmware shows it (its version, capabilities and rates on this hardware). */
    public DeviceProfile profile() {
        return firmware.running().profile;
    }

    public boolean linkUp() {
        return linkUp;
    }

    public boolean engineFailed() {
        return engineFailed;
    }

    /** Where unsolicited events go (the server numbers and sends them). */
    public void onEvent(Consumer<Event> sink) {
        this.events = sink;
    }

    // ------------------------------------------------------------------ requests

    /** Answers every request except the two jobs, which go through {@link #submit}. */
    public Response handle(Request request) {
        try {
            return answer(request);
        } catch (RuntimeException e) {
            return new ErrorReply(request.type(), ErrorCode.INTERNAL, "model error: " + e.getClass().getSimpleName());
        }
    }

    private Response answer(Request request) {
        if (request instanceof Hello h) {
            int v = Math.min(h.maxVersion(), org.nicrig.protocol.codec.MessageCodec.MAX_SUPPORTED);
            if (v < h.minVersion() || v < org.nicrig.protocol.codec.MessageCodec.MIN_SUPPORTED) {
                return new ErrorReply(MessageType.HELLO, ErrorCode.UNSUPPORTED_VERSION,
                        "device speaks versions " + org.nicrig.protocol.codec.MessageCodec.MIN_SUPPORTED + ".."
                                + org.nicrig.protocol.codec.MessageCodec.MAX_SUPPORTED + ", host offered "
                                + h.minVersion() + ".." + h.maxVersion());
            }
            return new HelloReply(v, FrameFormat.MAX_PAYLOAD);
        }
        if (request instanceof Identify) {
            return identify();
        }
        if (request instanceof SelfTest t) {
            return selfTest(t);
        }
        if (request instanceof Heartbeat h) {
            JobEngine engine = firmware.running().engine;
            return new HeartbeatReply(h.nonce(), engine == null ? 0 : engine.freeCredits(),
                    ((System.nanoTime() - bootNanos) / 1_000_000) & 0xFFFF_FFFFL);
        }
        if (request instanceof Reset) {
            return new Ack(MessageType.RESET); // the reset itself follows in afterReply
        }
        if (request instanceof GetStats) {
            return stats();
        }
        if (request instanceof SaAdd a) {
            return saAdd(a);
        }
        if (request instanceof SaDelete d) {
            SaTable.Refusal r = firmware.running().sas.delete(d.slot());
            return r == null ? new Ack(MessageType.SA_DELETE) : new ErrorReply(MessageType.SA_DELETE, r.code(), r.detail());
        }
        if (request instanceof Transmit t) {
            int length = t.frame().length();
            if (length < EthernetFrame.HEADER_LENGTH || length > MAX_FRAME) {
                return new ErrorReply(MessageType.TRANSMIT, ErrorCode.MALFORMED, "a frame of " + length
                        + " bytes; the port sends " + EthernetFrame.HEADER_LENGTH + ".." + MAX_FRAME + " (no FCS)");
            }
            if (!linkUp) {
                stats.inc("tx_dropped_link_down");
                return new ErrorReply(MessageType.TRANSMIT, ErrorCode.LINK_DOWN, "link is down; the frame was not sent");
            }
            transmit(t.frame().toArray());
            return new Ack(MessageType.TRANSMIT);
        }
        if (request instanceof SetMac s) {
            firmware.running().station.borrow(s.mac());
            return new Ack(MessageType.SET_MAC);
        }
        if (request instanceof RestoreMac) {
            firmware.running().station.restore();
            return new Ack(MessageType.RESTORE_MAC);
        }
        if (request instanceof RegRead r) {
            Long v = registers.read(r.address());
            return v == null ? new ErrorReply(MessageType.REG_READ, ErrorCode.REGISTER_ADDRESS, String.format("no register at 0x%x", r.address()))
                    : new RegValue(r.address(), v);
        }
        if (request instanceof RegWrite w) {
            String refusal = registers.write(w.address(), w.value());
            return refusal == null ? new Ack(MessageType.REG_WRITE) : new ErrorReply(MessageType.REG_WRITE, ErrorCode.REGISTER_ADDRESS, refusal);
        }
        if (request instanceof EepromRead r) {
            return EepromRequests.read(eeprom, r);
        }
        if (request instanceof EepromWrite w) {
            return eepromWrite(w);
        }
        if (request instanceof EncryptJob || request instanceof DecryptJob) {
            throw new IllegalArgumentException("jobs go through submit()");
        }
        Response update = firmware.handle(request);
        if (update != null) {
            return update;
        }
        // FAULT: faults are the server's (DeviceServer.inject)
        return new ErrorReply(request.type(), ErrorCode.NOT_CAPABLE, request.type() + " is not implemented by this device");
    }

    private StatsReply stats() {
        RunningFirmware fw = firmware.running();
        List<Counter> c = new ArrayList<>(stats.snapshot());
        c.add(new Counter("sa_in_use", fw.sas.used()));
        c.add(new Counter("credits_free", fw.engine == null ? 0 : fw.engine.freeCredits()));
        c.add(new Counter("fw_active_slot", fw.boot.slot().number()));
        c.add(new Counter("fw_rollback_floor", nvm.read().map(NvmState::rollbackFloor).orElse(0L)));
        return new StatsReply(c);
    }

    /** EEPROM_WRITE, kept in the non-volatile memory so that it outlives a power-off. */
    private Response eepromWrite(EepromWrite w) {
        Response r = EepromRequests.write(eeprom, w);
        if (r instanceof Ack) {
            try {
                nvm.update(s -> s.withEeprom(eeprom.snapshot()));
            } catch (NvmException e) {
                return new ErrorReply(MessageType.EEPROM_WRITE, ErrorCode.INTERNAL,
                        "written, but not kept across power-off: " + e.getMessage());
            }
        }
        return r;
    }

    private IdentifyReply identify() {
        DeviceProfile profile = firmware.running().profile;
        Capabilities caps = profile.engine()
                ? new Capabilities(true, profile.secondaryUse(), profile.saSlots(), profile.maxJobSize(), profile.credits(),
                        profile.ciphers(), profile.integrities(), advertisedRate(profile))
                : Capabilities.NONE;
        return new IdentifyReply(
                new PciIdentity(profile.vendorId(), profile.deviceId(), config.revision(),
                        eeprom.read(Eeprom82559.SUBSYSTEM_VENDOR_WORD), eeprom.read(Eeprom82559.SUBSYSTEM_ID_WORD)),
                eeprom.mac(), profile.firmware(), eeprom.checksumOk(), profile.linkSpeedMbps(), caps);
    }

    /** The fastest suite's rate as this unit runs it: the profile's figure times the speed factor. */
    private long advertisedRate(DeviceProfile profile) {
        long best = profile.cipherRates().values().stream().mapToLong(Long::longValue).max().orElse(0);
        double scaled = best * config.speed();
        return scaled >= Capabilities.MAX_RATE ? Capabilities.MAX_RATE : (long) scaled;
    }

    private Response selfTest(SelfTest t) {
        RunningFirmware fw = firmware.running();
        DeviceProfile profile = fw.profile;
        if (!profile.engine()) {
            return new ErrorReply(MessageType.SELF_TEST, ErrorCode.NOT_CAPABLE, profile.name() + " has no IPsec engine");
        }
        if (engineFailed) {
            return new ErrorReply(MessageType.SELF_TEST, ErrorCode.ENGINE_FAILED, "engine out of service");
        }
        if (!profile.ciphers().contains(t.cipher()) || !profile.integrities().contains(t.integrity())) {
            return new ErrorReply(MessageType.SELF_TEST, ErrorCode.UNSUPPORTED_ALGORITHM,
                    t.cipher() + " with " + t.integrity() + " not offered by " + profile.name());
        }
        org.nicrig.model.esp.EspResult r = fw.core.selfTest(t);
        return r.isOk() ? new SelfTestReply(Bytes.wrap(r.output()))
                : new ErrorReply(MessageType.SELF_TEST, ErrorCode.MALFORMED, r.reason());
    }

    private Response saAdd(SaAdd a) {
        SaParams sa = a.sa();
        RunningFirmware fw = firmware.running();
        DeviceProfile profile = fw.profile;
        if (!profile.engine()) {
            return new ErrorReply(MessageType.SA_ADD, ErrorCode.NOT_CAPABLE, profile.name() + " has no IPsec engine");
        }
        if (!profile.ciphers().contains(sa.cipher()) || !profile.integrities().contains(sa.integrity())
                || sa.cipher().isAead() != (sa.integrity() == Integrity.NONE)) {
            return new ErrorReply(MessageType.SA_ADD, ErrorCode.UNSUPPORTED_ALGORITHM,
                    sa.cipher() + " with " + sa.integrity() + " not offered by " + profile.name());
        }
        if (sa.encryptionKey().length() != sa.cipher().keyMaterialLength()) {
            return new ErrorReply(MessageType.SA_ADD, ErrorCode.BAD_KEY_LENGTH, sa.cipher() + " needs "
                    + sa.cipher().keyMaterialLength() + " bytes of key material, got " + sa.encryptionKey().length());
        }
        if (sa.authenticationKey().length() != sa.integrity().keyLength()) {
            return new ErrorReply(MessageType.SA_ADD, ErrorCode.BAD_KEY_LENGTH, sa.integrity() + " needs a "
                    + sa.integrity().keyLength() + "-byte key, got " + sa.authenticationKey().length());
        }
        SaTable.Refusal r = fw.sas.add(a.slot(), new InstalledSa(sa, fw.core.install(sa)));
        return r == null ? new Ack(MessageType.SA_ADD) : new ErrorReply(MessageType.SA_ADD, r.code(), r.detail());
    }

    // ------------------------------------------------------------------ jobs

    /**
     * Queues an ENCRYPT_JOB or DECRYPT_JOB. Returns an error reply when the job is refused at
     * once (no engine, no credits); otherwise {@code done} receives the result when the
     * performance model says the engine finished — or never, while the engine has failed.
     */
    public ErrorReply submit(Request job, Consumer<JobResult> done) {
        RunningFirmware fw = firmware.running();
        DeviceProfile profile = fw.profile;
        JobEngine engine = fw.engine;
        if (engine == null) {
            return new ErrorReply(job.type(), ErrorCode.NOT_CAPABLE, profile.name() + " has no IPsec engine");
        }
        boolean encrypt = job instanceof EncryptJob;
        long jobId = encrypt ? ((EncryptJob) job).jobId() : ((DecryptJob) job).jobId();
        int slot = encrypt ? ((EncryptJob) job).slot() : ((DecryptJob) job).slot();
        Bytes packet = encrypt ? ((EncryptJob) job).packet() : ((DecryptJob) job).packet();
        if (packet.length() > profile.maxJobSize()) {
            done.accept(JobResult.failed(jobId, JobStatus.TOO_LARGE, 0,
                    "packet of " + packet.length() + " bytes exceeds the job limit of " + profile.maxJobSize()));
            return null;
        }
        InstalledSa sa = fw.sas.get(slot);
        long modelNanos = sa == null ? 0 : serviceNanos(profile, sa.params().cipher(), packet.length());
        // compute and done run one after the other on the engine's thread, so the flag needs no lock
        boolean[] twice = new boolean[1];
        boolean accepted = engine.offer(new JobEngine.Work(() -> {
            JobDefects.Decision d = fw.jobDefects.next();
            if (d.drop()) {
                return null; // DROP_EVERY_NTH_JOB: the job vanishes, no answer ever
            }
            twice[0] = d.answerTwice();
            return runJob(fw, job, jobId, slot, encrypt);
        }, modelNanos, r -> {
            done.accept(r);
            if (twice[0]) {
                done.accept(r); // JOB_ANSWERED_TWICE
            }
        }));
        if (!accepted) {
            stats.inc("jobs_refused_no_credits");
            return new ErrorReply(job.type(), ErrorCode.NO_CREDITS, "all " + profile.credits() + " credits in use");
        }
        return null;
    }

    private static long serviceNanos(DeviceProfile profile, Cipher cipher, int bytes) {
        long rate = Math.max(1, profile.rate(cipher));
        return bytes * 1_000_000_000L / rate + profile.jobLatency().toNanos();
    }

    private JobResult runJob(RunningFirmware fw, Request job, long jobId, int slot, boolean encrypt) {
        if (engineFailed) {
            stats.inc("jobs_lost_engine_failed");
            return null; // ENGINE_FAIL: the engine stops answering
        }
        InstalledSa sa = fw.sas.get(slot);
        Direction need = encrypt ? Direction.OUTBOUND : Direction.INBOUND;
        if (sa == null || sa.params().direction() != need) {
            stats.inc("jobs_failed");
            return JobResult.failed(jobId, JobStatus.NO_SA, 0, sa == null ? "slot " + slot + " holds no SA"
                    : "slot " + slot + " holds an " + sa.params().direction() + " SA, the job needs " + need);
        }
        JobResult r;
        if (encrypt) {
            EncryptJob e = (EncryptJob) job;
            r = fw.core.encrypt(jobId, sa, e.packet().toArray(), e.fixedIv().isEmpty() ? null : e.fixedIv().toArray(),
                    e.sequenceNumber());
            if (r.status() == JobStatus.OK && e.disposition() == Disposition.TRANSMIT) {
                if (!linkUp) {
                    stats.inc("tx_dropped_link_down");
                    r = JobResult.failed(jobId, JobStatus.LINK_DOWN, r.sequenceNumber(), "encrypted, but the link is down: not sent");
                } else {
                    transmit(EthernetFrame.build(e.destination(), fw.station.sourceForTransmit(), EthernetFrame.ETHERTYPE_IPV4,
                            r.output().toArray()));
                }
            }
            stats.add("bytes_encrypted", e.packet().length());
        } else {
            DecryptJob d = (DecryptJob) job;
            r = fw.core.decrypt(jobId, sa, d.packet().toArray());
            stats.add("bytes_decrypted", d.packet().length());
        }
        stats.inc(r.status() == JobStatus.OK ? "jobs_ok" : "jobs_failed");
        return r;
    }

    // ------------------------------------------------------------------ wire

    private void transmit(byte[] frame) {
        if (port == null || !linkUp) {
            stats.inc("tx_dropped_link_down");
            return;
        }
        stats.inc("tx_frames");
        port.transmit(frame);
    }

    /** Called on the wire's delivery thread: hand over at once, never process there. */
    private void queueReceived(byte[] frame) {
        try {
            receiver.execute(() -> receive(frame));
        } catch (RejectedExecutionException closing) {
            // the device is closing: a frame arriving now is lost, as on a powered-down NIC
        }
    }

    /** FIG. 5: filter by MAC; decrypt ESP here when an inbound SA matches, else hand it up as it is. */
    private void receive(byte[] frame) {
        if (!linkUp) {
            stats.inc("rx_dropped_link_down");
            return;
        }
        if (!EthernetFrame.valid(frame)) {
            return;
        }
        MacAddress dst = EthernetFrame.destination(frame);
        RunningFirmware fw = firmware.running();
        if (!fw.station.accepts(dst)) {
            return;
        }
        stats.inc("rx_frames");
        long spi = EthernetFrame.espSpi(frame);
        int slot = spi < 0 || !fw.profile.engine() || engineFailed ? -1 : fw.sas.findInbound(spi);
        if (slot < 0) {
            emit(new FrameReceived(false, JobStatus.OK, FrameReceived.NO_SLOT, Bytes.wrap(frame)));
            return;
        }
        InstalledSa sa = fw.sas.get(slot);
        JobResult r = sa == null ? JobResult.failed(0, JobStatus.NO_SA, 0, "SA gone")
                : fw.core.decrypt(0, sa, EthernetFrame.payload(frame));
        if (r.status() == JobStatus.OK) {
            stats.inc("rx_decrypted");
            byte[] plain = EthernetFrame.build(dst, EthernetFrame.source(frame), EthernetFrame.ETHERTYPE_IPV4, r.output().toArray());
            emit(new FrameReceived(true, JobStatus.OK, slot, Bytes.wrap(plain)));
        } else {
            stats.inc("rx_decrypt_failed");
            emit(new FrameReceived(false, r.status(), slot, Bytes.wrap(frame)));
        }
    }

    private void emit(Event e) {
        events.accept(e);
    }

    // ------------------------------------------------------------------ faults and lifecycle

    public void setLink(boolean up) {
        if (linkUp != up) {
            linkUp = up;
            emit(new LinkChange(up, up ? config.profile().linkSpeedMbps() : 0));
        }
    }

    public void setEngineFailed(boolean failed) {
        engineFailed = failed;
    }

    /**
     * SAs, MAC override and queued jobs are lost, and an update in progress; a RESET event says
     * so. (With STATE_NOT_CLEARED_ON_RESET the SAs survive, see {@link SaTable#reset()}.)
     */
    public void reset(ResetCause cause) {
        RunningFirmware fw = firmware.running();
        fw.sas.reset();
        fw.station.reset();
        if (fw.engine != null) {
            fw.engine.reset();
        }
        firmware.abandonUpdate();
        stats.inc("resets");
        emit(new DeviceReset(cause));
    }

    int saInUse() {
        return firmware.running().sas.used();
    }

    @Override
    public void close() {
        firmware.close();
        if (port != null) {
            port.close();
        }
        receiver.shutdownNow();
    }
}
