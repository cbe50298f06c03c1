package org.nicrig.host.cli;

import org.nicrig.host.session.DeviceRefusedException;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.RegRead;
import org.nicrig.protocol.message.RegValue;
import org.nicrig.protocol.message.RegWrite;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** REG_READ and REG_WRITE for the reg commands, with a refusal turned into one line that names the address. */
final class Registers {
    static final long MAX = 0xFFFF_FFFFL;

    private Registers() {
    }

    static long argument(CommandLine cl, String text, String what) {
        try {
            return Numbers.parse(text, MAX, what);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
    }

    static long read(DeviceSession s, long address) throws SessionException, CommandFailure {
        try {
            return ((RegValue) s.call(new RegRead(address))).value();
        } catch (DeviceRefusedException e) {
            throw refused(s, "read", address, e);
        }
    }

    static void write(DeviceSession s, long address, long value) throws SessionException, CommandFailure {
        try {
            s.call(new RegWrite(address, value));
        } catch (DeviceRefusedException e) {
            throw refused(s, "write", address, e);
        }
    }

    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    private static CommandFailure refused(DeviceSession s, String verb, long address, DeviceRefusedException e)
            throws DeviceRefusedException {
        if (e.code() != ErrorCode.REGISTER_ADDRESS) {
            throw e;
        }
        return new CommandFailure(s.name() + ": cannot " + verb + " register " + hex(address) + ": "
                + (e.detail().isEmpty() ? "no register there" : e.detail()) + " (REGISTER_ADDRESS)");
    }
}
