package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.host.cli.DeviceTarget.Target;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.firmware.FirmwareFlashException;
import org.nicrig.host.firmware.FirmwareFlasher;
import org.nicrig.host.firmware.FlashOptions;
import org.nicrig.host.firmware.FlashResult;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig fw flash IMAGE}: flashes a signed image onto one device with
 * {@link FirmwareFlasher} and says whether it now runs (ACTIVATED) or fell back to its old
 * firmware (FELL_BACK). Exit 0 only when the new firmware runs.
 */
@Command(name = "flash", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Flashes a firmware image onto one device: FW_BEGIN, FW_CHUNK, FW_COMMIT, FW_ACTIVATE,",
                "then waits for the reboot and asks the device which firmware runs. The device checks the",
                "signature, target and rollback counter itself; the host checks format and target first",
                "(--no-precheck sends the image as it is, to prove the device refuses it).",
                "Exit 0 when the new firmware runs; 1 when it was refused, fell back, or the device was lost."},
        footer = {"", "Examples:",
                "  nicrig fw flash fw-1.5.0.img --device fpga1 --nvm-dir nvm",
                "  nicrig fw flash fw-1.5.0.img --transport serial:/dev/ttyUSB0"})
final class FwFlashCommand implements Callable<Integer> {
    @ParentCommand
    private FwCommand fw;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The firmware image file (nicrig fw pack / sign).")
    private Path image;

    @Mixin
    private DeviceTarget target;

    @Option(names = "--no-precheck", order = 1,
            description = "Do not check the image's format and target on the host: let the device refuse it.")
    private boolean noPrecheck;

    @Override
    public Integer call() throws ConfigErrors, IOException, TransportException, SessionException, FirmwareFlashException {
        byte[] bytes = Files.readAllBytes(image);
        PrintWriter out = spec.commandLine().getOut();
        Target t = target.resolve();
        if (t.inMemory()) {
            out.println("note: " + t.name() + " is an emulated device kept in memory: the flash is lost when nicrig exits "
                    + "(--nvm-dir DIR keeps it)");
        }
        try (OpenDevice d = DeviceTarget.open(t)) {
            out.println("device: " + DeviceLine.of(d));
            out.println("image:  " + describe(bytes));
            out.flush();
            FlashProgress progress = FlashProgress.of(fw.seams().terminal().getAsBoolean(), out);
            FlashResult r;
            try {
                r = new FirmwareFlasher(d.session(), FlashOptions.DEFAULT.withPrecheck(!noPrecheck), progress).flash(bytes);
            } finally {
                progress.end();
            }
            out.println(r.summary());
            out.println("device: " + DeviceLine.identity(r.after()));
            out.flush();
            return r.activated() ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** What the file holds, or why it does not parse (the precheck refuses it, or --no-precheck sends it anyway). */
    private String describe(byte[] bytes) {
        try {
            FirmwareImage i = FirmwareImage.parse(bytes);
            return image + " (" + bytes.length + " bytes): firmware " + i.manifest().version() + " for "
                    + i.manifest().target() + ", rollback counter " + i.manifest().rollbackCounter()
                    + i.signature().map(s -> ", signed by key " + s.keyId().hex()).orElse(", unsigned");
        } catch (ImageFormatException e) {
            return image + " (" + bytes.length + " bytes): not a valid image: " + e.getMessage();
        }
    }
}
