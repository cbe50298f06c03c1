package org.nicrig.host.transport;

import java.io.IOException;
import org.nicrig.model.cli.FpgaEmu;

/**
 * Main class of the emulator process a {@link PtyEmulator} starts: {@code fpga-emu} as it is
 * ({@link FpgaEmu#main}, same arguments, same output and exit status), plus a watch on stdin.
 * The parent holds the other end of that pipe and never writes to it; when the parent dies —
 * even by SIGKILL, when its shutdown hooks do not run — the pipe reaches end of file and this
 * process exits too, through FpgaEmu's own shutdown hook, instead of serving an orphaned pty.
 */
public final class EmulatorChild {

    private EmulatorChild() {
    }

    public static void main(String[] args) {
        Thread watch = new Thread(EmulatorChild::exitWhenParentGoes, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        FpgaEmu.main(args);
    }

    private static void exitWhenParentGoes() {
        byte[] buf = new byte[64];
        try {
            while (System.in.read(buf) >= 0) {
                // the parent writes nothing; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of file
        }
        System.exit(0);
    }
}
