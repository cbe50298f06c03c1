package org.nicrig.model.device;

import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.model.firmware.BootLoader;
import org.nicrig.model.firmware.FirmwareUpdater;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.NvmException;
import org.nicrig.model.firmware.NvmState;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.DeviceError;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.FwActivate;
import org.nicrig.protocol.message.FwBegin;
import org.nicrig.protocol.message.FwChunk;
import org.nicrig.protocol.message.FwCommit;
import org.nicrig.protocol.message.Request;
import org.nicrig.protocol.message.ResetCause;
import org.nicrig.protocol.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's firmware: which one runs ({@link RunningFirmware}, booted at power-on), the update
 * requests FW_BEGIN..FW_ACTIVATE, and the reboot FW_ACTIVATE ends with (FIRMWARE-DEVICE-RULES.md).
 */
final class DeviceFirmware implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFirmware.class);

    private final DeviceConfig config;
    private final Eeprom82559 eeprom;
    private final DeviceStats stats;
    private final Consumer<Event> emit;
    private final BootLoader loader;
    private final FirmwareUpdater updater;
    private final String name;
    private volatile RunningFirmware running;

    /** Power-on: boots what the memory says (formatted by {@link #formatIfBlank} first). */
    DeviceFirmware(DeviceConfig config, Eeprom82559 eeprom, DeviceStats stats, Consumer<Event> emit) {
        this.config = config;
        this.eeprom = eeprom;
        this.stats = stats;
        this.emit = emit;
        this.name = config.profile().name() + "@" + config.mac();
        this.loader = new BootLoader(config.nvm(), config.hardware(), FactoryFirmware.manifest(config));
        this.updater = new FirmwareUpdater(config.nvm(), config.trustedKey(), config.hardware());
        for (String counter : new String[] {"fw_refused", "fw_activations", "fw_boot_fallbacks"}) {
            stats.add(counter, 0); // in STATS from power-on, so a host can read 0 rather than "absent"
        }
        BootLoader.Boot boot = loader.powerOn();
        boot.problem().ifPresent(p -> {
            LOG.warn("{}: {}", name, p);
            stats.inc("fw_boot_fallbacks");
        });
        this.running = RunningFirmware.start(config, eeprom, boot);
    }

    /**
     * The memory's state; a blank memory first gets the factory state (slot A, floor 0, the
     * EEPROM made from the MAC), as a unit is programmed before it leaves the factory.
     *
     * @throws UncheckedIOException wrapping the {@link NvmException} of a directory that cannot be written
     */
    static NvmState formatIfBlank(DeviceConfig config) {
        NonVolatileMemory nvm = config.nvm();
        synchronized (nvm) {
            if (nvm.read().isPresent()) {
                return nvm.read().get();
            }
            NvmState factory = NvmState.factory(Eeprom82559.create(config.mac(), config.profile().subsystemVendorId(),
                    config.profile().subsystemId()).snapshot());
            try {
                nvm.write(factory);
            } catch (NvmException e) {
                throw new UncheckedIOException(e);
            }
            return factory;
        }
    }

    RunningFirmware running() {
        return running;
    }

    /** FW_BEGIN..FW_ACTIVATE (PROTOCOL.md §5.21), or null for any other request. */
    Response handle(Request request) {
        Response r;
        if (request instanceof FwBegin b) {
            r = updater.begin(b);
        } else if (request instanceof FwChunk c) {
            r = updater.chunk(c);
        } else if (request instanceof FwCommit) {
            r = updater.commit();
        } else if (request instanceof FwActivate) {
            r = updater.activate();
        } else {
            return null;
        }
        if (r instanceof ErrorReply e) {
            stats.inc("fw_refused");
            LOG.info("{}: {} refused: {} {}", name, request.type(), e.code(), e.detail());
        }
        return r;
    }

    /** See {@link Device#afterReply}. */
    void afterReply(Request request, Response answer) {
        // the memory's committed flag, not the ACK alone: a second call for the same ACK changes nothing
        if (request instanceof FwActivate && answer instanceof Ack
                && config.nvm().read().map(NvmState::committed).orElse(false)) {
            activate();
        }
    }

    /**
     * FW_ACTIVATE's reboot: the committed slot if it passes its boot self-test, else the old one
     * with an ERROR event (FW_BAD_IMAGE) saying why; either way a RESET event (FIRMWARE_ACTIVATE).
     */
    private void activate() {
        BootLoader.Boot boot;
        boolean stored = true;
        try {
            boot = loader.activate();
        } catch (NvmException e) {
            boot = loader.powerOn(); // nothing was stored: the old firmware is still the one that boots
            stored = false;
            emit.accept(new DeviceError(ErrorCode.INTERNAL, "firmware not activated, the device memory failed: " + e.getMessage()));
        }
        if (boot.problem().isPresent()) {
            stats.inc("fw_boot_fallbacks");
            emit.accept(new DeviceError(ErrorCode.FW_BAD_IMAGE, boot.problem().get()));
        } else if (stored) {
            stats.inc("fw_activations");
        }
        RunningFirmware old = running;
        running = RunningFirmware.start(config, eeprom, boot);
        old.close(); // its queued jobs are dropped unanswered, as a reset drops them
        updater.abandon();
        LOG.info("{}: running firmware {} from slot {}", name, boot.manifest().version(), boot.slot());
        stats.inc("resets");
        emit.accept(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
    }

    /** A reset: an update in progress is lost. */
    void abandonUpdate() {
        updater.abandon();
    }

    @Override
    public void close() {
        running.close();
    }
}
