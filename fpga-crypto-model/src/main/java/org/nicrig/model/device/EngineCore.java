package org.nicrig.model.device;

import org.nicrig.model.defect.Defects;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspResult;
import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.JobResult;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.SelfTest;

/** The device's use of the ESP engine (JCE): one place between the device and the esp package. */
final class EngineCore {
    private final EspProcessor processor;
    private final Defects defects;

    EngineCore(long seed, Defects defects) {
        this.processor = EspProcessor.seeded(seed);
        this.defects = defects;
    }

    EspSa install(SaParams params) {
        return EspSa.create(params, defects);
    }

    /** @param sequence the host's sequence number for this packet, or 0 for the SA's own counter */
    JobResult encrypt(long jobId, InstalledSa sa, byte[] packet, byte[] fixedIv, long sequence) {
        EspSa esp = sa.esp();
        if (sequence == 0) {
            return toResult(jobId, processor.encrypt(esp, packet, fixedIv));
        }
        synchronized (esp) { // the same monitor encrypt() takes: set and use the counter atomically
            try {
                esp.presetOutboundSequence(sequence - 1);
            } catch (IllegalArgumentException e) {
                return JobResult.failed(jobId, JobStatus.SEQUENCE_EXHAUSTED, sequence, e.getMessage());
            }
            return toResult(jobId, processor.encrypt(esp, packet, fixedIv));
        }
    }

    JobResult decrypt(long jobId, InstalledSa sa, byte[] packet) {
        return toResult(jobId, processor.decrypt(sa.esp(), packet));
    }

    EspResult selfTest(SelfTest t) {
        return processor.selfTest(t.cipher(), t.integrity(), t.key(), t.authKey(), t.iv().toArray(), t.data().toArray());
    }

    private static JobResult toResult(long jobId, EspResult r) {
        return r.status() == JobStatus.OK ? JobResult.ok(jobId, r.sequenceNumber(), Bytes.wrap(r.output()))
                : JobResult.failed(jobId, r.status(), r.sequenceNumber(), r.reason());
    }
}
