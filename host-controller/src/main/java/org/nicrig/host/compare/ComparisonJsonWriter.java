package org.nicrig.host.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.nicrig.host.report.AtomicFile;

/**
 * Writes {@code comparison.json}: the {@link Comparison} with its record components as field names,
 * in their order, as {@code schemas/comparison.schema.json} describes; a figure that was not
 * measured is {@code null} (never NaN, which JSON cannot hold). Written atomically. {@link #read}
 * gives the same record back.
 */
public final class ComparisonJsonWriter {
    public static final String FILE_NAME = "comparison.json";

    // a newer nicrig may add fields: an older reader ignores them rather than refusing the file
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ComparisonJsonWriter() {
    }

    public static void write(Comparison comparison, Path file) throws IOException {
        AtomicFile.write(file, out -> write(comparison, out));
    }

    static void write(Comparison comparison, OutputStream out) throws IOException {
        WRITER.writeValue(out, comparison);
        out.write('\n');
    }

    public static Comparison read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Comparison.class);
    }
}
