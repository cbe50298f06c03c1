package org.nicrig.host.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code journal.jsonl} back, including one left by a run that was killed: events up to the
 * last intact line, {@link Journal#complete()} false without a {@code run-finished} line, and a torn
 * last line (cut mid-write, or a crash's zero-filled tail) reported rather than thrown. Any other
 * bad line is a {@link JournalFormatException} with its line number: damage in the middle of a
 * journal is not what a crash leaves, and skipping it would hide lost events.
 */
public final class JournalReader {

    private JournalReader() {
    }

    public static Journal read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path, in);
        }
    }

    /** Reads from {@code stream}; {@code path} names it in errors and in the result. */
    static Journal read(Path path, InputStream stream) throws IOException {
        List<JournalEvent> events = new ArrayList<>();
        long lineNo = 0;
        long torn = 0;
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean more = true;
        while (more) {
            boolean terminated = readLine(in, line);
            more = terminated;
            if (!terminated && line.size() == 0) {
                break;
            }
            lineNo++;
            byte[] bytes = line.toByteArray();
            line.reset();
            if (isBlank(bytes)) {
                continue;
            }
            JournalEvent event;
            try {
                event = Json.MAPPER.readValue(bytes, JournalEvent.class);
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                if (atEnd(in)) {
                    torn = lineNo;
                    break;
                }
                throw new JournalFormatException(path, lineNo, "not a journal event: " + reason(e));
            }
            if (events.isEmpty() && !(event instanceof JournalEvent.RunStarted)) {
                throw new JournalFormatException(path, lineNo,
                        "the first event must be run-started, found " + event.getClass().getSimpleName());
            }
            events.add(event);
        }
        boolean complete = events.stream().anyMatch(JournalEvent.RunFinished.class::isInstance);
        return new Journal(path, events, complete, torn != 0, torn);
    }

    /** Reads up to and excluding '\n' into {@code line}; false when the stream ended first. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return true;
            }
            line.write(b);
        }
        return false;
    }

    /** True when nothing but NULs and whitespace follow: the rest of a torn or zero-filled tail. */
    private static boolean atEnd(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b != 0 && !Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0 && !Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
