package org.nicrig.host.cli;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the commands reach outside themselves through, so tests can put fakes there.
 *
 * @param runner   runs a plan ({@code nicrig run})
 * @param usb      lists USB devices ({@code nicrig ports})
 * @param emulator runs fpga-emu ({@code nicrig emulate})
 * @param terminal whether stdout is an interactive terminal (a live progress line) or not (plain lines)
 * @param clock    names the default output directory
 * @param validation flashes and compares two firmware images ({@code nicrig validate-firmware})
 */
public record Seams(PlanRunner runner, UsbLister usb, EmulatorLauncher emulator, BooleanSupplier terminal, Clock clock,
                    FirmwareValidator validation) {

    public static final Seams PRODUCTION = new Seams(PlanRunner.DEFAULT, UsbLister.SYSTEM, EmulatorLauncher.PROCESS,
            Seams::interactiveTerminal, Clock.systemDefaultZone(), FirmwareValidator.DEFAULT);

    public Seams {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(usb, "usb");
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validation, "validation");
    }

    public Seams withRunner(PlanRunner r) {
        return new Seams(r, usb, emulator, terminal, clock, validation);
    }

    public Seams withUsb(UsbLister u) {
        return new Seams(runner, u, emulator, terminal, clock, validation);
    }

    public Seams withEmulator(EmulatorLauncher e) {
        return new Seams(runner, usb, e, terminal, clock, validation);
    }

    public Seams withTerminal(boolean interactive) {
        return new Seams(runner, usb, emulator, () -> interactive, clock, validation);
    }

    public Seams withClock(Clock c) {
        return new Seams(runner, usb, emulator, terminal, c, validation);
    }

    public Seams withValidation(FirmwareValidator v) {
        return new Seams(runner, usb, emulator, terminal, clock, v);
    }

    /** A console, and a TERM that can move the cursor back with a carriage return. */
    static boolean interactiveTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
