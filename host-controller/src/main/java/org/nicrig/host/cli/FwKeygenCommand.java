package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.nicrig.host.firmware.FirmwareFileException;
import org.nicrig.host.firmware.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicrig fw keygen --out DIR/NAME}: a new Ed25519 signing key pair. */
@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Makes an Ed25519 key pair: NAME.key (private, PKCS#8 PEM, mode 0600) and NAME.pub",
                "(public, SubjectPublicKeyInfo PEM), the files openssl genpkey -algorithm ed25519 makes.",
                "Prints the key id that signed images carry. Never overwrites an existing key file."})
final class FwKeygenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR/NAME",
            description = "Where the pair goes: DIR/NAME.key and DIR/NAME.pub (DIR is created if needed).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        KeyFiles.Pair pair;
        try {
            pair = KeyFiles.generate(out, new SecureRandom());
        } catch (FileAlreadyExistsException e) {
            throw new FirmwareFileException(Path.of(e.getFile()), "already exists; keygen never overwrites a key file "
                    + "(choose another NAME, or move the old pair away first)");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + pair.privateFile() + "  (private: keep it secret and out of version control)");
        stdout.println("wrote " + pair.publicFile() + "  (public: what a device that trusts your images holds)");
        stdout.println("key id " + pair.publicKey().keyId().hex());
        stdout.flush();
        return ExitCode.OK;
    }
}
