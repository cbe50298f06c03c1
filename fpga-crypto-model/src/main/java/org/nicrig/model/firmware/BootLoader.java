package org.nicrig.model.firmware;

import java.util.Optional;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageManifest;

/**
 * Which firmware runs (FIRMWARE-DEVICE-RULES.md D.5–D.7): at power-on the boot slot's, and at
 * FW_ACTIVATE the committed slot's if it passes the boot self-test ({@link BootCheck}), which then
 * becomes the boot slot and raises the rollback floor to its counter; otherwise the old slot keeps
 * running and the image that failed is erased. Each outcome is one atomic write of the memory, so
 * power lost at any moment leaves the device booting either the old firmware or the new.
 */
public final class BootLoader {

    /**
     * The firmware a boot chose.
     *
     * @param factory whether it is the factory firmware (the profile's, carrying the config's defects)
     * @param problem why the firmware asked for did not boot, when it did not
     */
    public record Boot(Slot slot, ImageManifest manifest, boolean factory, Optional<String> problem) {
    }

    private final NonVolatileMemory nvm;
    private final Hardware hardware;
    private final ImageManifest factory;

    /** @param factory the manifest of the factory firmware: the hardware profile's own */
    public BootLoader(NonVolatileMemory nvm, Hardware hardware, ImageManifest factory) {
        this.nvm = nvm;
        this.hardware = hardware;
        this.factory = factory;
    }

    /**
     * Power-on: the boot slot's firmware. A slot whose image no longer passes the self-test (its
     * memory directory was moved to another profile) gives way to the factory firmware, which the
     * model keeps as a recovery ROM; the memory is left as it is.
     */
    public Boot powerOn() {
        NvmState s = nvm.read().orElseThrow(() -> new IllegalStateException("memory is blank: " + nvm));
        SlotContent c = s.slot(s.boot());
        if (!(c instanceof SlotContent.Image i)) {
            return new Boot(s.boot(), factory, true, Optional.empty());
        }
        ImageManifest m;
        try {
            m = FirmwareImage.parse(i.bytes().toArray()).manifest();
        } catch (ImageFormatException e) {
            return new Boot(s.boot(), factory, true, Optional.of("slot " + s.boot() + " does not boot: " + e.getMessage()
                    + "; running the factory firmware " + factory.version()));
        }
        Optional<String> failure = BootCheck.failure(m, hardware);
        if (failure.isPresent()) {
            return new Boot(s.boot(), factory, true, Optional.of("firmware " + m.version() + " in slot " + s.boot()
                    + " failed its boot self-test: " + failure.get() + "; running the factory firmware " + factory.version()));
        }
        return new Boot(s.boot(), m, false, Optional.empty());
    }

    /**
     * FW_ACTIVATE's reboot: into the committed slot if its self-test passes, else back into the
     * old one with {@link Boot#problem()} saying why and what runs.
     *
     * @throws IllegalStateException when no image is committed (FW_ACTIVATE is refused before this)
     * @throws NvmException          the outcome could not be stored; the memory is as before
     */
    public Boot activate() throws NvmException {
        NvmState s = nvm.read().orElseThrow();
        if (!s.committed()) {
            throw new IllegalStateException("no committed image to activate");
        }
        Slot target = s.inactive();
        SlotContent.Image image = (SlotContent.Image) s.slot(target);
        Optional<String> failure;
        ImageManifest m = null;
        try {
            m = FirmwareImage.parse(image.bytes().toArray()).manifest();
            failure = BootCheck.failure(m, hardware);
        } catch (ImageFormatException e) {
            failure = Optional.of(e.getMessage()); // committed images parse; kept for a memory changed behind our back
        }
        if (failure.isEmpty()) {
            long floor = Math.max(s.rollbackFloor(), m.rollbackCounter());
            nvm.write(s.withCommitted(false).withBoot(target).withRollbackFloor(floor));
            return new Boot(target, m, false, Optional.empty());
        }
        nvm.write(s.withCommitted(false).withSlot(target, SlotContent.EMPTY));
        Boot old = powerOn();
        String what = m == null ? "the image" : "firmware " + m.version();
        return new Boot(old.slot(), old.manifest(), old.factory(), Optional.of(what + " in slot " + target
                + " failed its boot self-test: " + failure.get() + "; still running " + old.manifest().version()
                + " from slot " + old.slot()));
    }
}
