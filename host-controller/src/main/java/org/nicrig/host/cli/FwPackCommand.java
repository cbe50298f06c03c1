package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.firmware.ImageFiles;
import org.nicrig.host.firmware.ManifestReader;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicrig fw pack}: a manifest and a payload into an unsigned image. */
@Command(name = "pack", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Packs a manifest (YAML: target, version, rollback counter, capabilities; schema",
                "schemas/firmware-manifest.schema.json) and a payload into an unsigned image.",
                "Errors in the manifest are printed as FILE:LINE:COL: PATH: PROBLEM."})
final class FwPackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "MANIFEST", description = "The manifest, e.g. firmware/examples/fpga-aes-1.5.0.yaml.")
    private Path manifest;

    @Option(names = "--payload", required = true, paramLabel = "FILE", description = "The payload (an FPGA bitstream, a firmware binary).")
    private Path payload;

    @Option(names = "--out", required = true, paramLabel = "IMG", description = "The image to write (replaced if it exists, atomically).")
    private Path out;

    @Override
    public Integer call() throws ConfigErrors, IOException {
        ImageManifest m = ManifestReader.load(manifest);
        byte[] bytes = ImageFiles.bytes(payload, "a payload");
        FirmwareImage image = FirmwareImage.unsigned(m, bytes);
        ImageFiles.write(out, image);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("packed " + out + ": firmware " + m.version() + " for " + m.target() + ", "
                + bytes.length + "-byte payload, " + image.toBytes().length + " bytes, unsigned");
        stdout.println("sign it with: nicrig fw sign " + out + " --key KEY.key");
        stdout.flush();
        return ExitCode.OK;
    }
}
