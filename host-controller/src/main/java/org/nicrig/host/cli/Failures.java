package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.firmware.FirmwareFlashException;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into one line (or one line per located error) and an exit status. No user
 * error prints a stack trace (design invariant 3); {@code --debug} adds one to any error.
 */
final class Failures {
    private Failures() {
    }

    /** Bad arguments: one line naming the problem and where to read more; exit 2. */
    static int usage(ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        PrintWriter err = c.getErr();
        String hint = ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)" : "";
        String name = c.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(ex.getMessage()) + hint + " (see " + name + " --help)");
        err.flush();
        return ExitCode.USAGE;
    }

    /** What a command threw. */
    static int thrown(Exception ex, CommandLine c, ParseResult parsed) {
        PrintWriter err = c.getErr();
        int status;
        if (ex instanceof ConfigErrors errors) {
            errors.errors().forEach(e -> err.println(e.getMessage()));
            status = ExitCode.USAGE;
        } else if (ex instanceof TransportException t) {
            // a missing, busy or vanished port: the transport's own line names it and says why
            err.println("nicrig: " + t.getMessage());
            status = t.reason() == TransportException.Reason.BAD_URI ? ExitCode.USAGE : ExitCode.FAILED;
        } else if (ex instanceof SessionException || ex instanceof FirmwareFlashException || ex instanceof CommandFailure) {
            err.println("nicrig: " + oneLine(ex.getMessage()));
            status = ExitCode.FAILED;
        } else if (ex instanceof IOException io) {
            err.println("nicrig: " + describe(io));
            status = ExitCode.USAGE;
        } else {
            err.println("nicrig: internal error: " + oneLine(String.valueOf(ex))
                    + (debug(parsed) ? "" : " (run again with --debug for the stack trace, and please report it)"));
            status = ExitCode.INTERNAL;
        }
        if (debug(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** Whether --debug was given, before or after the command's name. */
    static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** A file error as the user would say it: {@code out/run1: already exists}. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
        }
        return oneLine(e.getMessage() != null ? e.getMessage() : e.toString());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
