package org.nicrig.host.firmware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionListener;
import org.nicrig.protocol.message.DeviceError;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.ResetCause;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.Event;

/**
 * The events a flash waits for once FW_ACTIVATE is on its way: the RESET that ends the reboot and
 * any ERROR the boot reported (FW_BAD_IMAGE when the new slot failed its self-test). Events before
 * {@link #arm()} are not the flash's business; BAD_FRAME errors never are.
 */
final class FlashEvents implements SessionListener {
    private final CountDownLatch rebooted = new CountDownLatch(1);
    private final List<DeviceError> errors = new ArrayList<>();
    private volatile boolean armed;
    private volatile DeviceReset reset;
    private volatile String goneWhy;
    private final List<ResetCause> otherResets = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** From now on, events count. */
    void arm() {
        armed = true;
    }

    @Override
    public void onEvent(DeviceSession session, Event event) {
        if (!armed) {
            return;
        }
        if (event instanceof DeviceReset r) {
            // only the activation's own reboot (PROTOCOL.md §5.21); a watchdog or fault reset in the
            // same window is another story, told if the right one never comes
            if (r.cause() == ResetCause.FIRMWARE_ACTIVATE && reset == null) {
                reset = r;
                rebooted.countDown();
            } else if (r.cause() != ResetCause.FIRMWARE_ACTIVATE) {
                otherResets.add(r.cause());
            }
        } else if (event instanceof DeviceError e && e.code() != ErrorCode.BAD_FRAME) {
            synchronized (errors) {
                errors.add(e);
            }
        }
    }

    @Override
    public void onGone(DeviceSession session, String why) {
        goneWhy = why;
        rebooted.countDown();
    }

    /** The RESET event, or null if none came in time or the device went away ({@link #goneWhy()}). */
    DeviceReset awaitReset(Duration timeout) throws InterruptedException {
        rebooted.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return reset;
    }

    String goneWhy() {
        return goneWhy;
    }

    /** RESET events with another cause than FIRMWARE_ACTIVATE since {@link #arm()}. */
    List<ResetCause> otherResets() {
        return List.copyOf(otherResets);
    }

    /** The boot's errors, FW_BAD_IMAGE first. */
    List<DeviceError> errors() {
        List<DeviceError> out;
        synchronized (errors) {
            out = new ArrayList<>(errors);
        }
        out.sort((a, b) -> Boolean.compare(b.code() == ErrorCode.FW_BAD_IMAGE, a.code() == ErrorCode.FW_BAD_IMAGE));
        return out;
    }
}
