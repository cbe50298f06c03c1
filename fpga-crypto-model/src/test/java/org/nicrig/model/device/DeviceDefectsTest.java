package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.wire.EthernetFrame;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.DecryptJob;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.Disposition;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.JobResult;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.Reset;
import org.nicrig.protocol.message.RestoreMac;
import org.nicrig.protocol.message.SaAdd;
import org.nicrig.protocol.message.SaDelete;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.SetMac;

/**
 * The device-level seeded defects (DEFECTS.md), each shown next to a correct device doing the
 * same, so every assertion would fail if the defect were not there (or were always there).
 */
class DeviceDefectsTest {
    private static final byte[] PACKET = Addresses.udpToPeer("defect probe");

    private static DeviceFixture device(long seed, Defect... defects) {
        return new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A)
                .withSpeed(Double.POSITIVE_INFINITY).withSeed(seed).withDefects(Defects.of(seed, defects)));
    }

    private static EncryptJob job(long id, int slot) {
        return EncryptJob.returning(id, slot, Bytes.wrap(PACKET));
    }

    /** Submits jobs 1..n, then waits until job {@code last} (never dropped) is answered. */
    private static List<Long> answeredIds(DeviceFixture f, int n, long last) throws InterruptedException {
        for (long id = 1; id <= n; id++) {
            assertThat(f.submit(job(id, 0))).isNull();
        }
        List<Long> ids = new ArrayList<>();
        while (true) {
            JobResult r = f.nextAnswer();
            ids.add(r.jobId());
            if (r.jobId() == last) {
                return ids;
            }
        }
    }

    @Test
    void dropEveryNthJobNeverAnswersJobsNTwoNThreeN() throws Exception {
        long seed = 20240607;
        int period = JobDefects.dropPeriod(Defects.of(seed, Defect.DROP_EVERY_NTH_JOB));
        assertThat(period).as("seed %d", seed).isBetween(JobDefects.MIN_PERIOD, JobDefects.MAX_PERIOD);
        int n = 3 * period + 1;
        List<Long> expected = LongStream.rangeClosed(1, n).filter(id -> id % period != 0).boxed().toList();
        try (DeviceFixture f = device(seed, Defect.DROP_EVERY_NTH_JOB)) {
            f.install(0, Sas.aes(1, 1)[0]);
            assertThat(answeredIds(f, n, n)).as("seed %d, N=%d", seed, period).isEqualTo(expected);
        }
        try (DeviceFixture same = device(seed, Defect.DROP_EVERY_NTH_JOB)) {
            same.install(0, Sas.aes(1, 1)[0]);
            assertThat(answeredIds(same, n, n)).as("same seed, same drops").isEqualTo(expected);
        }
        try (DeviceFixture good = device(seed)) {
            good.install(0, Sas.aes(1, 1)[0]);
            assertThat(answeredIds(good, n, n)).hasSize(n);
        }
    }

    @Test
    void dropPeriodFollowsTheSeed() {
        var periods = LongStream.range(0, 64).mapToInt(s -> JobDefects.dropPeriod(Defects.of(s, Defect.DROP_EVERY_NTH_JOB)))
                .boxed().toList();
        assertThat(periods).allMatch(p -> p >= JobDefects.MIN_PERIOD && p <= JobDefects.MAX_PERIOD);
        assertThat(periods.stream().distinct().count()).as("different seeds, different N").isGreaterThan(1);
        assertThat(JobDefects.dropPeriod(Defects.of(5))).isZero();
    }

    @Test
    void jobAnsweredTwiceRepeatsTheJobsTheSeedChoosesWithIdenticalAnswers() throws Exception {
        long seed = 77;
        int n = 30; // within the 32 credits of fpga-aes
        // which jobs: the defect's stream, one draw per job in the order the engine takes them
        SplittableRandom stream = Defects.of(seed, Defect.JOB_ANSWERED_TWICE).random(Defect.JOB_ANSWERED_TWICE);
        List<Long> twice = LongStream.rangeClosed(1, n).filter(id -> stream.nextInt(JobDefects.TWICE_ONE_IN) == 0).boxed().toList();
        assertThat(twice).as("seed %d", seed).isNotEmpty();
        try (DeviceFixture f = device(seed, Defect.JOB_ANSWERED_TWICE)) {
            f.install(0, Sas.aes(1, 1)[0]);
            for (long id = 1; id <= n; id++) {
                assertThat(f.submit(job(id, 0))).isNull();
            }
            Map<Long, List<JobResult>> byId = new HashMap<>();
            for (int i = 0; i < n + twice.size(); i++) {
                JobResult r = f.nextAnswer();
                byId.computeIfAbsent(r.jobId(), k -> new ArrayList<>()).add(r);
            }
            assertThat(byId).as("seed %d", seed).hasSize(n);
            for (long id = 1; id <= n; id++) {
                List<JobResult> answers = byId.get(id);
                assertThat(answers).as("job %d, seed %d", id, seed).hasSize(twice.contains(id) ? 2 : 1);
                assertThat(answers).as("a repeat is the same answer").allMatch(a -> a.equals(answers.get(0)));
            }
        }
    }

    @Test
    void macNotRestoredKeepsTheBorrowedMacAfterATransmitUnderIt() throws Exception {
        assertThat(sourceAfterRestore(device(1, Defect.MAC_NOT_RESTORED), true)).isEqualTo(Addresses.NIC_B.toString());
        assertThat(sourceAfterRestore(device(1), true)).isEqualTo(Addresses.NIC_A.toString());
        // the defect needs a transmit under the borrowed MAC: a bare SET_MAC/RESTORE_MAC pair restores
        assertThat(sourceAfterRestore(device(1, Defect.MAC_NOT_RESTORED), false)).isEqualTo(Addresses.NIC_A.toString());
    }

    /** SET_MAC NIC_B, optionally a TRANSMIT job, RESTORE_MAC, then a TRANSMIT job: its source MAC. */
    private static String sourceAfterRestore(DeviceFixture f, boolean transmitWhileBorrowed) throws Exception {
        try (f) {
            List<byte[]> frames = new CopyOnWriteArrayList<>();
            f.wire.addTap((nanos, sender, frame) -> frames.add(frame));
            f.install(0, Sas.aes(1, 1)[0]);
            f.handle(new SetMac(Addresses.NIC_B));
            if (transmitWhileBorrowed) {
                f.run(new EncryptJob(1, 0, Disposition.TRANSMIT, Addresses.PEER_MAC, Bytes.EMPTY, Bytes.wrap(PACKET)));
            }
            assertThat(f.handle(new RestoreMac())).isInstanceOf(Ack.class);
            f.run(new EncryptJob(2, 0, Disposition.TRANSMIT, Addresses.PEER_MAC, Bytes.EMPTY, Bytes.wrap(PACKET)));
            assertThat(f.device.currentMac()).isEqualTo(EthernetFrame.source(frames.get(frames.size() - 1)));
            return EthernetFrame.source(frames.get(frames.size() - 1)).toString();
        }
    }

    @Test
    void saSlotAliasedAfterDeleteContinuesTheDeletedOutboundCounter() throws Exception {
        assertThat(firstSequenceOfReplacement(device(1, Defect.SA_SLOT_ALIASED_AFTER_DELETE))).isEqualTo(4);
        assertThat(firstSequenceOfReplacement(device(1))).isEqualTo(1);
    }

    /** Three jobs on an SA in slot 5, delete it, add another SA there: the sequence number of its first packet. */
    private static long firstSequenceOfReplacement(DeviceFixture f) throws Exception {
        try (f) {
            f.install(5, Sas.aes(0x10, 1)[0]);
            for (long id = 1; id <= 3; id++) {
                assertThat(f.run(job(id, 5)).sequenceNumber()).isEqualTo(id);
            }
            assertThat(f.handle(new SaDelete(5))).isInstanceOf(Ack.class);
            SaParams[] fresh = Sas.aes(0x20, 2);
            f.install(5, fresh[0]);
            JobResult r = f.run(job(4, 5));
            // the keys are the new SA's: its inbound twin opens the packet
            assertThat(EspProcessor.secure().decrypt(EspSa.create(fresh[1]), r.output().toArray()).status()).isEqualTo(JobStatus.OK);
            return r.sequenceNumber();
        }
    }

    @Test
    void saSlotAliasedAfterDeleteRejectsAFreshInboundSaFirstPacketsAsReplays() throws Exception {
        assertThat(statusOfFreshFirstPacket(device(1, Defect.SA_SLOT_ALIASED_AFTER_DELETE))).isEqualTo(JobStatus.REPLAY);
        assertThat(statusOfFreshFirstPacket(device(1))).isEqualTo(JobStatus.OK);
    }

    /** An inbound SA in slot 6 receives sequence number 100; it is replaced; the new SA's packet 1 is decrypted. */
    private static JobStatus statusOfFreshFirstPacket(DeviceFixture f) throws Exception {
        try (f) {
            SaParams[] old = Sas.aes(0x30, 3);
            EspSa oldSender = EspSa.create(old[0]);
            oldSender.presetOutboundSequence(99);
            f.install(6, old[1]);
            byte[] p100 = EspProcessor.seeded(1).encrypt(oldSender, PACKET, null).output();
            assertThat(f.run(new DecryptJob(1, 6, Bytes.wrap(p100))).sequenceNumber()).isEqualTo(100);
            f.handle(new SaDelete(6));
            SaParams[] fresh = Sas.aes(0x40, 4);
            f.install(6, fresh[1]);
            byte[] p1 = EspProcessor.seeded(2).encrypt(EspSa.create(fresh[0]), PACKET, null).output();
            return f.run(new DecryptJob(2, 6, Bytes.wrap(p1))).status();
        }
    }

    @Test
    void stateNotClearedOnResetKeepsSasWorkingWhileReportingThemGone() throws Exception {
        try (DeviceFixture f = device(1, Defect.STATE_NOT_CLEARED_ON_RESET)) {
            f.install(2, Sas.aes(0x50, 5)[0]);
            assertThat(f.run(job(1, 2)).sequenceNumber()).isEqualTo(1);
            f.handle(new Reset());
            f.awaitEvent(DeviceReset.class);
            assertThat(f.counter("sa_in_use")).as("reported gone").isZero();
            JobResult after = f.run(job(2, 2));
            assertThat(after.status()).as("but still answering").isEqualTo(JobStatus.OK);
            assertThat(after.sequenceNumber()).as("and not restarted").isEqualTo(2);
            // re-installing is accepted (the slot counts as free) and does restart the counter
            assertThat(f.handle(new SaAdd(2, Sas.aes(0x51, 6)[0]))).isInstanceOf(Ack.class);
            assertThat(f.run(job(3, 2)).sequenceNumber()).isEqualTo(1);
        }
        try (DeviceFixture good = device(1)) {
            good.install(2, Sas.aes(0x50, 5)[0]);
            good.run(job(1, 2));
            good.handle(new Reset());
            assertThat(good.run(job(2, 2)).status()).isEqualTo(JobStatus.NO_SA);
        }
    }

    @Test
    void stateNotClearedOnResetStillDecryptsOnTheWire() throws Exception {
        SaParams[] sa = Sas.aes(0x60, 6);
        byte[] esp = EspProcessor.seeded(1).encrypt(EspSa.create(sa[0]), PACKET, null).output();
        try (DeviceFixture f = device(1, Defect.STATE_NOT_CLEARED_ON_RESET)) {
            f.install(7, sa[1]);
            f.handle(new Reset());
            f.events.clear();
            f.wire.attach("peer", x -> { })
                    .transmit(EthernetFrame.build(Addresses.NIC_A, Addresses.PEER_MAC, EthernetFrame.ETHERTYPE_IPV4, esp));
            var got = f.awaitEvent(org.nicrig.protocol.message.FrameReceived.class);
            assertThat(got.decrypted()).as("an SA the device said it lost").isTrue();
            assertThat(got.saSlot()).isEqualTo(7);
        }
    }

}
