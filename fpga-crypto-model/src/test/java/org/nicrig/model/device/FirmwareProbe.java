package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.firmware.NvmState;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.firmware.SlotContent;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Flasher;
import org.nicrig.model.testing.Sas;
import org.nicrig.protocol.message.*;

/** What firmware tests ask of a device: what runs, what the memory holds, and whether a job still works. */
final class FirmwareProbe {
    static final byte[] PACKET = Addresses.udpToPeer("firmware probe");
    /** The slot probe jobs use; installed and removed by each probe. */
    private static final int PROBE_SLOT = 7;

    private FirmwareProbe() {
    }

    static DeviceConfig fpgaAes() {
        return DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
    }

    static IdentifyReply identify(DeviceFixture f) {
        return (IdentifyReply) f.handle(new Identify());
    }

    static NvmState nvm(DeviceFixture f) {
        return f.device.config().nvm().read().orElseThrow();
    }

    static ErrorReply refused(Message m, ErrorCode code) {
        assertThat(m).as("answer").isInstanceOf(ErrorReply.class);
        ErrorReply e = (ErrorReply) m;
        assertThat(e.code()).as("%s", e.detail()).isEqualTo(code);
        return e;
    }

    /** Flashes {@code image} and expects every step acknowledged. */
    static void flashOk(DeviceFixture f, byte[] image) {
        List<Message> answers = Flasher.flash(f::handle, image);
        assertThat(answers).as("answers to the flash").allMatch(m -> m instanceof Ack);
        assertThat(answers).hasSize(Flasher.chunks(image).size() + 3);
    }

    /**
     * The device still runs {@code version} from {@code slot} and its memory still holds
     * {@code content} there, and an AES-CBC job on a fresh SA gives a packet a correct receiver
     * decrypts (so the engine and what the firmware offers work as before).
     */
    static void stillRuns(DeviceFixture f, FirmwareVersion version, Slot slot, SlotContent content) throws InterruptedException {
        assertThat(identify(f).firmware()).as("firmware in IDENTIFY").isEqualTo(version);
        NvmState s = nvm(f);
        assertThat(s.boot()).as("boot slot").isEqualTo(slot);
        assertThat(s.slot(slot)).as("slot %s", slot).isEqualTo(content);
        assertThat(f.counter("fw_active_slot")).isEqualTo(slot.number());
        SaParams[] sa = Sas.aes(0x7000 + PROBE_SLOT, version.patch() + 17L);
        assertThat(f.handle(new SaDelete(PROBE_SLOT))).isInstanceOf(Ack.class);
        f.install(PROBE_SLOT, sa[0]);
        JobResult r = f.run(EncryptJob.returning(4242, PROBE_SLOT, Bytes.wrap(PACKET)));
        assertThat(r.status()).as("a job on %s", version).isEqualTo(JobStatus.OK);
        assertThat(EspProcessor.secure().decrypt(EspSa.create(sa[1]), r.output().toArray()).output()).isEqualTo(PACKET);
        assertThat(f.handle(new SaDelete(PROBE_SLOT))).isInstanceOf(Ack.class);
    }

    /** The factory firmware of fpga-aes (1.4.0 in slot A) is what runs and what slot A holds. */
    static void stillFactory(DeviceFixture f) throws InterruptedException {
        stillRuns(f, Profiles.FPGA_AES.firmware(), Slot.A, SlotContent.FACTORY);
    }
}
