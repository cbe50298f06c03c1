package org.nicrig.host.cli;

import com.fazecast.jSerialComm.SerialPort;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nicrig ports}: which serial ports and USB devices this machine has, to write a rig with. */
@Command(name = "ports", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 100,
        description = {"Lists the serial ports this machine has (as jSerialComm sees them) and USB devices.",
                "A port is used in a rig as transport: serial:PATH?baud=N."})
final class PortsCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("SERIAL PORT", "DESCRIPTION", "VID:PID", "SERIAL NUMBER");

    @ParentCommand
    private Nicrig nicrig;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SerialPortInfo> ports = Arrays.stream(SerialPort.getCommPorts()).map(SerialPortInfo::of).toList();
        out.print(format(ports));
        out.flush();
        try {
            nicrig.seams().usb().print(out);
        } catch (RuntimeException e) {
            out.println("USB: cannot list devices: " + e.getMessage());
        }
        out.flush();
        return ExitCode.OK;
    }

    static String format(List<SerialPortInfo> ports) {
        List<List<String>> rows = ports.stream().map(p -> List.of(p.path(), SerialPortInfo.orDash(p.description()),
                p.vidPid(), SerialPortInfo.orDash(p.serialNumber()))).toList();
        return TextTable.format(HEADER, rows, "") + (ports.isEmpty() ? "(no serial ports found)\n" : "");
    }
}
