package org.nicrig.host.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes {@code summary.json}: the {@link RunReport} as JSON for dashboards and scripts, with times
 * as ISO-8601 text. {@link #read} gives the same record back.
 */
public final class JsonSummaryWriter {
    public static final String FILE_NAME = "summary.json";

    private static final ObjectWriter WRITER = Json.MAPPER.writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonSummaryWriter() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        AtomicFile.write(file, out -> write(report, out));
    }

    static void write(RunReport report, OutputStream out) throws IOException {
        WRITER.writeValue(out, report);
        out.write('\n');
    }

    public static RunReport read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), RunReport.class);
    }
}
