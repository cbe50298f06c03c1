package org.nicrig.host.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nicrig.host.plan.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicrig validate FILES...}: {@link Validator} on the command line. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 100,
        description = {"Checks rig, test-plan and firmware-manifest files (and the rig each plan names) without",
                "running anything.",
                "Every error is printed as FILE:LINE:COL: PATH: PROBLEM."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rig, plan and firmware-manifest YAML files; told apart by content.")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        // Validator prints to PrintStreams; picocli (and the tests) hold PrintWriters
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Validator.run(files, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        spec.commandLine().getErr().print(err.toString(StandardCharsets.UTF_8));
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return status == 0 ? ExitCode.OK : ExitCode.USAGE;
    }
}
