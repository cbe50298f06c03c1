package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nicrig.host.firmware.ImageFiles;
import org.nicrig.host.firmware.ImageVerifier;
import org.nicrig.host.firmware.KeyFiles;
import org.nicrig.host.firmware.Verification;
import org.nicrig.host.firmware.VerifyingKey;
import org.nicrig.protocol.image.FirmwareImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig fw verify IMG --key NAME.pub}: would a device that trusts this key take the image?
 * Exit 0 when it is well formed and signed by that key; 1 with the reason when it is unsigned,
 * signed by another key, its signature does not hold, or it is not a well-formed image.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Checks an image against a public key, as a device trusting that key would: well formed,",
                "payload hash right, signed by that key, signature valid. Exit 0 if so; 1 with the reason",
                "(unsigned, signed by another key, bad signature, corrupt image); 2 if a file cannot be read."})
final class FwVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMG", description = "The image to check.")
    private Path image;

    @Option(names = "--key", required = true, paramLabel = "NAME.pub", description = "The public key (PEM), e.g. keys/nicrig-dev.pub.")
    private Path key;

    @Override
    public Integer call() throws IOException {
        VerifyingKey pub = KeyFiles.readPublic(key);
        PrintWriter stdout = spec.commandLine().getOut();
        FirmwareImage img;
        try {
            img = ImageFiles.read(image);
        } catch (ImageFiles.ImageFileException e) {
            // a corrupt image is a verdict, not a usage error: the answer to "is it good?" is no
            stdout.println("FAILED: " + e.getMessage());
            stdout.flush();
            return ExitCode.FAILED;
        }
        Verification v = new ImageVerifier(pub).verify(img);
        stdout.println((v.ok() ? "OK: " : "FAILED: ") + image + ": " + v.reason() + " (" + key + ")");
        stdout.flush();
        return v.ok() ? ExitCode.OK : ExitCode.FAILED;
    }
}
