package org.nicrig.host.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nicrig.host.admission.Admission;
import org.nicrig.host.admission.AllowList;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.verify.DeviceOuterHeader;
import org.nicrig.host.verify.EspReference;
import org.nicrig.host.verify.SaVerifier;
import org.nicrig.host.verify.Verdict;
import org.nicrig.protocol.message.*;

/**
 * The battery a firmware engineer runs on a new firmware: every check drives one device through
 * the protocol and judges what comes back with the host's Bouncy Castle reference, so a firmware
 * defect shows as a named check that failed, with expected and actual values. Each check is
 * aimed at a class of bug real ESP implementations have had (fpga-crypto-model/DEFECTS.md maps
 * each seeded defect to the check that catches it).
 *
 * <p>It uses SA slots from the top of the device's table, and its RESET check clears the whole
 * table: a team notices the RESET event and reinstalls its SAs.
 */
public final class ConformanceSuite {
    /** The checks, in the order they run. */
    public enum Check {
        SELF_TEST, ENCRYPT_FIXED_IV, ENCRYPT_RANDOM_IV, ESN_ROLLOVER, DECRYPT_REFERENCE, BAD_ICV_REJECTED,
        REPLAY_WINDOW, JOB_ACCOUNTING, MAC_RESTORE, SA_SLOT_REUSE, RESET_CLEARS_SAS
    }

    /** One check's outcome; {@code detail} says what was expected and what came back (never keys). */
    public record Result(Check check, boolean passed, String detail) {
        @Override
        public String toString() {
            return check + (passed ? ": pass" : ": FAIL — " + detail);
        }
    }

    private static final int PACKETS = 48;
    private static final long TIMEOUT_SECONDS = 10;
    private static final int STATUS_REGISTER = 0x10;
    private static final long STATUS_MAC_OVERRIDDEN = 4;

    private final DeviceSession device;
    private final SplittableRandom random;
    private final long seed;
    private long jobIds = 0x7000_0000L;

    public ConformanceSuite(DeviceSession device, long seed) {
        this.device = device;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Runs every check; a check that cannot run on this device (no engine) fails saying why. */
    public List<Result> run() {
        List<Result> results = new ArrayList<>();
        Capabilities caps = device.identity().capabilities();
        for (Check c : Check.values()) {
            if (!caps.engine() || caps.ciphers().isEmpty()) {
                results.add(new Result(c, false, "device reports no IPsec engine"));
                continue;
            }
            try {
                results.add(run(c));
            } catch (SessionException e) {
                results.add(new Result(c, false, e.getMessage()));
            } catch (TimeoutException e) {
                results.add(new Result(c, false, "a job got no answer within " + TIMEOUT_SECONDS + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new Result(c, false, "interrupted"));
                break;
            }
        }
        return results;
    }

    private Result run(Check c) throws SessionException, TimeoutException, InterruptedException {
        return switch (c) {
            case SELF_TEST -> selfTest();
            case ENCRYPT_FIXED_IV -> encryptFixedIv();
            case ENCRYPT_RANDOM_IV -> encryptRandomIv();
            case ESN_ROLLOVER -> esnRollover();
            case DECRYPT_REFERENCE -> decryptReference();
            case BAD_ICV_REJECTED -> badIcv();
            case REPLAY_WINDOW -> replayWindow();
            case JOB_ACCOUNTING -> jobAccounting();
            case MAC_RESTORE -> macRestore();
            case SA_SLOT_REUSE -> slotReuse();
            case RESET_CLEARS_SAS -> resetClears();
        };
    }

    // ------------------------------------------------------------------ checks

    private Result selfTest() {
        String failure = new Admission(new AllowList(List.of()), seed).recheckEngine(device);
        return failure == null ? pass(Check.SELF_TEST) : fail(Check.SELF_TEST, failure);
    }

    /** Byte-for-byte against the reference with the IV and sequence number fixed, every suite and mode. */
    private Result encryptFixedIv() throws SessionException, TimeoutException, InterruptedException {
        for (SaParams out : suites(Direction.OUTBOUND)) {
            int slot = installFresh(out);
            EspReference ref = new EspReference(out);
            for (long n = 1; n <= 4; n++) {
                byte[] packet = packet(40 + random.nextInt(600), n);
                byte[] iv = bytes(out.cipher().ivLength());
                JobResult r = encrypt(new EncryptJob(nextJob(), slot, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet)));
                if (r.status() != JobStatus.OK) {
                    return fail(Check.ENCRYPT_FIXED_IV, suite(out) + ": job refused: " + r.status() + " " + r.reason());
                }
                byte[] expected = DeviceOuterHeader.seal(ref, packet, n, iv);
                byte[] got = r.output().toArray();
                if (!Arrays.equals(expected, got)) {
                    return fail(Check.ENCRYPT_FIXED_IV, suite(out) + " packet " + n + ": " + difference(expected, got));
                }
            }
            device.call(new SaDelete(slot));
        }
        return pass(Check.ENCRYPT_FIXED_IV);
    }

    /** The device's own IVs and sequence numbers, judged by the verifier: unique IVs, 1, 2, 3, ... */
    private Result encryptRandomIv() throws SessionException, TimeoutException, InterruptedException {
        for (SaParams out : suites(Direction.OUTBOUND)) {
            int slot = installFresh(out);
            SaVerifier verifier = new SaVerifier(out);
            for (long n = 1; n <= PACKETS; n++) {
                byte[] packet = packet(40 + random.nextInt(600), n);
                JobResult r = encrypt(EncryptJob.returning(nextJob(), slot, Bytes.wrap(packet)));
                if (r.status() != JobStatus.OK) {
                    return fail(Check.ENCRYPT_RANDOM_IV, suite(out) + ": job refused: " + r.status() + " " + r.reason());
                }
                Verdict v = verifier.verify(device.name(), packet, r.output().toArray());
                if (v instanceof Verdict.Failed f) {
                    return fail(Check.ENCRYPT_RANDOM_IV, suite(out) + " packet " + n + ": " + f);
                }
            }
            device.call(new SaDelete(slot));
        }
        return pass(Check.ENCRYPT_RANDOM_IV);
    }

    /** ESN: sequence numbers across 2^32, whose high half must be in the ICV (RFC 4303 §2.2.1). */
    private Result esnRollover() throws SessionException, TimeoutException, InterruptedException {
        SaParams base = suites(Direction.OUTBOUND).get(0);
        SaParams out = withEsn(base);
        int slot = installFresh(out);
        EspReference ref = new EspReference(out);
        for (long seq = (1L << 32) - 2; seq <= (1L << 32) + 2; seq++) {
            byte[] packet = packet(100, seq);
            byte[] iv = bytes(out.cipher().ivLength());
            JobResult r = encrypt(new EncryptJob(nextJob(), slot, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet), seq));
            if (r.status() != JobStatus.OK) {
                return fail(Check.ESN_ROLLOVER, "sequence " + seq + ": job refused: " + r.status() + " " + r.reason());
            }
            byte[] expected = DeviceOuterHeader.seal(ref, packet, seq, iv);
            if (!Arrays.equals(expected, r.output().toArray())) {
                return fail(Check.ESN_ROLLOVER, "sequence 0x" + Long.toHexString(seq) + ": " + difference(expected, r.output().toArray()));
            }
        }
        device.call(new SaDelete(slot));
        return pass(Check.ESN_ROLLOVER);
    }

    /** Packets sealed by the reference decrypt to what was sealed, on every suite and mode. */
    private Result decryptReference() throws SessionException, TimeoutException, InterruptedException {
        for (SaParams in : suites(Direction.INBOUND)) {
            int slot = installFresh(in);
            EspReference ref = new EspReference(in);
            for (long n = 1; n <= 8; n++) {
                byte[] packet = packet(40 + random.nextInt(600), n);
                JobResult r = decrypt(slot, ref.seal(packet, n, bytes(in.cipher().ivLength())));
                if (r.status() != JobStatus.OK || !Arrays.equals(packet, r.output().toArray())) {
                    return fail(Check.DECRYPT_REFERENCE, suite(in) + " packet " + n + ": expected OK with the sealed plaintext, got "
                            + r.status() + (r.status() == JobStatus.OK ? " with " + difference(packet, r.output().toArray()) : " " + r.reason()));
                }
            }
            device.call(new SaDelete(slot));
        }
        return pass(Check.DECRYPT_REFERENCE);
    }

    private Result badIcv() throws SessionException, TimeoutException, InterruptedException {
        SaParams in = suites(Direction.INBOUND).get(0);
        int slot = installFresh(in);
        byte[] sealed = new EspReference(in).seal(packet(200, 1), 1, bytes(in.cipher().ivLength()));
        sealed[sealed.length - 1] ^= 0x01;
        JobResult r = decrypt(slot, sealed);
        device.call(new SaDelete(slot));
        return r.status() == JobStatus.ICV_MISMATCH ? pass(Check.BAD_ICV_REJECTED)
                : fail(Check.BAD_ICV_REJECTED, "a packet with a flipped ICV bit: expected ICV_MISMATCH, got " + r.status());
    }

    /** RFC 4303 §3.4.3 with a 64-packet window: after 100, 37 is the oldest acceptable and 36 too old. */
    private Result replayWindow() throws SessionException, TimeoutException, InterruptedException {
        SaParams in = suites(Direction.INBOUND).get(0);
        int slot = installFresh(in);
        EspReference ref = new EspReference(in);
        long[][] script = {{100, 0}, {100, 1}, {36, 1}, {37, 0}, {37, 1}, {101, 0}};
        for (long[] step : script) {
            long seq = step[0];
            boolean replay = step[1] == 1;
            JobResult r = decrypt(slot, ref.seal(packet(80, seq), seq, bytes(in.cipher().ivLength())));
            JobStatus want = replay ? JobStatus.REPLAY : JobStatus.OK;
            if (r.status() != want) {
                device.call(new SaDelete(slot));
                return fail(Check.REPLAY_WINDOW, "window 64, sequence " + seq + ": expected " + want + ", got " + r.status());
            }
        }
        device.call(new SaDelete(slot));
        return pass(Check.REPLAY_WINDOW);
    }

    /** Every job answered exactly once: none lost, none twice. */
    private Result jobAccounting() throws SessionException, InterruptedException {
        SaParams out = suites(Direction.OUTBOUND).get(0);
        int slot = installFresh(out);
        long lateBefore = device.lateResponses();
        List<CompletableFuture<JobResult>> jobs = new ArrayList<>();
        for (int n = 1; n <= PACKETS; n++) {
            jobs.add(device.submitJob(EncryptJob.returning(nextJob(), slot, Bytes.wrap(packet(200, n)))));
        }
        int lost = 0;
        for (CompletableFuture<JobResult> j : jobs) {
            try {
                j.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                lost++;
            }
        }
        Thread.sleep(50); // a second answer, if any, arrives right behind the first
        long twice = device.lateResponses() - lateBefore;
        device.call(new SaDelete(slot));
        if (lost > 0 || twice > 0) {
            return fail(Check.JOB_ACCOUNTING, PACKETS + " jobs: " + lost + " unanswered, " + twice + " answered twice (expected 0 and 0)");
        }
        return pass(Check.JOB_ACCOUNTING);
    }

    /** FIG. 4 direct transmit: borrow a MAC, send under it, give it back; the override must be gone. */
    private Result macRestore() throws SessionException, TimeoutException, InterruptedException {
        MacAddress own = device.identity().mac();
        MacAddress borrowed = new MacAddress(own.value() ^ 0x0000_0000_00FFL);
        int slot = installFresh(suites(Direction.OUTBOUND).get(0));
        device.call(new SetMac(borrowed));
        long during = ((RegValue) device.call(new RegRead(STATUS_REGISTER))).value();
        JobResult sent = encrypt(new EncryptJob(nextJob(), slot, Disposition.TRANSMIT, MacAddress.parse("02:00:5e:00:53:01"),
                Bytes.EMPTY, Bytes.wrap(packet(100, 1))));
        device.call(new RestoreMac());
        device.call(new SaDelete(slot));
        if (sent.status() != JobStatus.OK) {
            return fail(Check.MAC_RESTORE, "a TRANSMIT job under the borrowed MAC was refused: " + sent.status() + " " + sent.reason());
        }
        long after = ((RegValue) device.call(new RegRead(STATUS_REGISTER))).value();
        if ((during & STATUS_MAC_OVERRIDDEN) == 0) {
            return fail(Check.MAC_RESTORE, "STATUS does not show the MAC override after SET_MAC (0x" + Long.toHexString(during) + ")");
        }
        return (after & STATUS_MAC_OVERRIDDEN) == 0 ? pass(Check.MAC_RESTORE)
                : fail(Check.MAC_RESTORE, "after RESTORE_MAC the MAC is still overridden (STATUS 0x" + Long.toHexString(after) + ")");
    }

    /** A slot deleted and reused must hold the new SA, not an old or a neighbour's key. */
    private Result slotReuse() throws SessionException, TimeoutException, InterruptedException {
        SaParams base = suites(Direction.OUTBOUND).get(0);
        SaParams a = fresh(base);
        SaParams b = fresh(base);
        SaParams c = fresh(base);
        int top = topSlot();
        device.call(new SaDelete(top));
        device.call(new SaDelete(top - 1));
        device.call(new SaAdd(top, a));
        device.call(new SaAdd(top - 1, b));
        device.call(new SaDelete(top));
        device.call(new SaAdd(top, c));
        byte[] packet = packet(120, 1);
        byte[] iv = bytes(c.cipher().ivLength());
        JobResult r = encrypt(new EncryptJob(nextJob(), top, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet)));
        device.call(new SaDelete(top));
        device.call(new SaDelete(top - 1));
        byte[] expected = DeviceOuterHeader.seal(new EspReference(c), packet, 1, iv);
        if (r.status() != JobStatus.OK || !Arrays.equals(expected, r.output().toArray())) {
            return fail(Check.SA_SLOT_REUSE, "slot " + top + " after delete and re-add: expected the new SA's packet, got "
                    + (r.status() == JobStatus.OK ? difference(expected, r.output().toArray()) : r.status() + " " + r.reason()));
        }
        return pass(Check.SA_SLOT_REUSE);
    }

    private Result resetClears() throws SessionException, TimeoutException, InterruptedException {
        SaParams out = suites(Direction.OUTBOUND).get(0);
        int slot = installFresh(out);
        device.call(new Reset());
        JobResult r = encrypt(EncryptJob.returning(nextJob(), slot, Bytes.wrap(packet(100, 1))));
        if (r.status() != JobStatus.NO_SA) {
            device.call(new SaDelete(slot));
            return fail(Check.RESET_CLEARS_SAS, "after RESET, slot " + slot + " still encrypts (expected NO_SA, got " + r.status() + ")");
        }
        return pass(Check.RESET_CLEARS_SAS);
    }

    // ------------------------------------------------------------------ helpers

    /** One SA per cipher the device claims, transport and tunnel alternating, with fresh random keys. */
    private List<SaParams> suites(Direction direction) {
        Capabilities caps = device.identity().capabilities();
        List<SaParams> out = new ArrayList<>();
        int k = 0;
        for (Cipher c : caps.ciphers()) {
            Integrity i = c.isAead() ? Integrity.NONE
                    : caps.integrities().stream().filter(x -> x != Integrity.NONE).findFirst().orElse(null);
            if (i == null) {
                continue;
            }
            EspMode mode = k++ % 2 == 0 ? EspMode.TRANSPORT : EspMode.TUNNEL;
            out.add(new SaParams(0x5000_0000L + random.nextInt(0x1000_0000), direction, mode, c, i, false, 64,
                    UdpPacket.address("192.0.2.10"), UdpPacket.address("192.0.2.20"),
                    KeyBytes.of(bytes(c.keyMaterialLength())), KeyBytes.of(bytes(i.keyLength()))));
        }
        return out;
    }

    private SaParams fresh(SaParams p) {
        return new SaParams(0x5000_0000L + random.nextInt(0x1000_0000), p.direction(), p.mode(), p.cipher(), p.integrity(),
                p.esn(), p.replayWindow(), p.tunnelSource(), p.tunnelDestination(),
                KeyBytes.of(bytes(p.cipher().keyMaterialLength())), KeyBytes.of(bytes(p.integrity().keyLength())));
    }

    private SaParams withEsn(SaParams p) {
        return new SaParams(p.spi(), p.direction(), p.mode(), p.cipher(), p.integrity(), true, p.replayWindow(),
                p.tunnelSource(), p.tunnelDestination(), p.encryptionKey(), p.authenticationKey());
    }

    private int topSlot() {
        return device.identity().capabilities().maxSas() - 1;
    }

    private int installFresh(SaParams sa) throws SessionException {
        int slot = topSlot();
        device.call(new SaDelete(slot)); // whatever an earlier, failed check left there
        device.call(new SaAdd(slot, sa));
        return slot;
    }

    private JobResult encrypt(EncryptJob job) throws TimeoutException, InterruptedException {
        return await(device.submitJob(job));
    }

    private JobResult decrypt(int slot, byte[] esp) throws TimeoutException, InterruptedException {
        return await(device.submitJob(new DecryptJob(nextJob(), slot, Bytes.wrap(esp))));
    }

    private static JobResult await(CompletableFuture<JobResult> f) throws TimeoutException, InterruptedException {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new TimeoutException(e.getCause().getMessage());
        }
    }

    private long nextJob() {
        return jobIds++;
    }

    private byte[] packet(int size, long n) {
        return UdpPacket.build(UdpPacket.address("10.1.0.1"), UdpPacket.address("10.1.0.2"), 5001, 9, size, seed, n, random);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static String suite(SaParams sa) {
        return sa.cipher() + "/" + sa.integrity() + " " + sa.mode();
    }

    /** Where two packets first differ, as hex windows (packets, not keys). */
    static String difference(byte[] expected, byte[] got) {
        int at = Arrays.mismatch(expected, got);
        if (at < 0) {
            return "identical";
        }
        return "expected " + expected.length + " bytes, got " + got.length + "; first difference at byte " + at
                + " (expected " + window(expected, at) + ", got " + window(got, at) + ")";
    }

    private static String window(byte[] b, int at) {
        int from = Math.max(0, at - 2);
        int to = Math.min(b.length, at + 6);
        return from >= to ? "end" : java.util.HexFormat.of().formatHex(b, from, to);
    }

    private static Result pass(Check c) {
        return new Result(c, true, "");
    }

    private static Result fail(Check c, String detail) {
        return new Result(c, false, detail);
    }
}
