package org.nicrig.host.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one Jackson configuration for the journal and the JSON summary. java.time values are written
 * as ISO-8601 text ({@code 2025-01-31T12:00:00.123456789Z}, {@code PT0.25S}) by a small module
 * here, because the jsr310 module is not among the rig's dependencies. Unknown properties are
 * ignored so that a journal written by a newer nicrig with an added field still reads.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(javaTime())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    private static SimpleModule javaTime() {
        SimpleModule m = new SimpleModule("nicrig-java-time");
        m.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        m.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Instant.parse(text);
                } catch (DateTimeException | NullPointerException e) {
                    return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
                }
            }
        });
        m.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        m.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Duration.parse(text);
                } catch (DateTimeException | NullPointerException e) {
                    return (Duration) ctx.handleWeirdStringValue(Duration.class, text, "not an ISO-8601 duration");
                }
            }
        });
        return m;
    }
}
