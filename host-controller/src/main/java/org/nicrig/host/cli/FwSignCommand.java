package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nicrig.host.firmware.ImageFiles;
import org.nicrig.host.firmware.ImageSigner;
import org.nicrig.host.firmware.KeyFiles;
import org.nicrig.protocol.image.FirmwareImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicrig fw sign IMG --key NAME.key}: an Ed25519 signature over header and payload. */
@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Signs an image with an Ed25519 private key: the trailer gets the key's id and the",
                "signature over header and payload. A signature already there is replaced. Writes the",
                "image in place (atomically) unless --out is given."})
final class FwSignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMG", description = "The image to sign.")
    private Path image;

    @Option(names = "--key", required = true, paramLabel = "NAME.key", description = "The private key (PKCS#8 PEM), e.g. keys/nicrig-dev.key.")
    private Path key;

    @Option(names = "--out", paramLabel = "SIGNED", description = "Write the signed image here instead of over IMG.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        FirmwareImage unsigned = ImageFiles.read(image);
        ImageSigner signer = new ImageSigner(KeyFiles.readPrivate(key));
        FirmwareImage signed = signer.sign(unsigned);
        Path target = out != null ? out : image;
        ImageFiles.write(target, signed);
        PrintWriter stdout = spec.commandLine().getOut();
        String replaced = unsigned.signature()
                .map(s -> " (replacing a signature by key id " + s.keyId().hex() + ")").orElse("");
        stdout.println("signed " + target + " with key id " + signer.publicKey().keyId().hex() + replaced
                + ": " + signed.toBytes().length + " bytes");
        stdout.flush();
        return ExitCode.OK;
    }
}
