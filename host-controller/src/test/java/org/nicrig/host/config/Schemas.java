package org.nicrig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published JSON Schemas (schemas/*.schema.json), checked with networknt's validator so the
 * tests can hold the loaders and the schemas to the same files.
 */
public final class Schemas {
    public static final Path DIR = Path.of("..", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Schemas() {
    }

    public static JsonNode node(String schemaFile) {
        try {
            return JSON.readTree(DIR.resolve(schemaFile).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchema schema(String schemaFile) {
        return FACTORY.getSchema(node(schemaFile));
    }

    /** What the schema finds wrong with a YAML file; a file that is not even YAML gives one complaint. */
    public static List<String> complaints(String schemaFile, Path yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            return List.of("not YAML: " + e.getClass().getSimpleName());
        }
        if (doc == null) {
            return List.of("empty");
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema(schemaFile).validate(doc)) {
            out.add(m.getMessage());
        }
        return out;
    }

    /** The names under {@code properties} of a schema node. */
    public static List<String> propertyNames(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The values of an {@code enum} node, as strings. */
    public static List<String> enumValues(JsonNode enumHolder) {
        List<String> values = new ArrayList<>();
        enumHolder.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }
}
