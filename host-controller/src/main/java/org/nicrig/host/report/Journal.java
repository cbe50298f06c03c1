package org.nicrig.host.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal as read back by {@link JournalReader}.
 *
 * @param events       every intact event, in file order (the first is {@link JournalEvent.RunStarted}
 *                     unless the journal is empty)
 * @param complete     the run finished: the journal has its {@link JournalEvent.RunFinished} line
 * @param tornLastLine the last line was cut off mid-write (a run killed while logging) and is not in
 *                     {@code events}
 * @param tornLine     1-based number of the torn line, or 0
 */
public record Journal(Path path, List<JournalEvent> events, boolean complete, boolean tornLastLine, long tornLine) {

    public Journal {
        Objects.requireNonNull(path, "path");
        events = List.copyOf(events);
    }

    public Optional<JournalEvent.RunStarted> runStarted() {
        return events.isEmpty() || !(events.get(0) instanceof JournalEvent.RunStarted s)
                ? Optional.empty() : Optional.of(s);
    }

    public Optional<JournalEvent.RunFinished> runFinished() {
        return events.stream().filter(JournalEvent.RunFinished.class::isInstance)
                .map(JournalEvent.RunFinished.class::cast).findFirst();
    }

    /** One line for a person: "complete", or why not. */
    public String status() {
        if (complete) {
            return "complete";
        }
        return "incomplete: no run-finished line (the run did not finish)"
                + (tornLastLine ? "; line " + tornLine + " was torn mid-write and is ignored" : "");
    }
}
