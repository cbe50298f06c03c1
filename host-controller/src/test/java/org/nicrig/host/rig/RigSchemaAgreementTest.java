package org.nicrig.host.rig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.host.config.Schemas;

/** schemas/rig.schema.json and the rig loader take the same keys and the same words. */
class RigSchemaAgreementTest {
    static final JsonNode SCHEMA = Schemas.node("rig.schema.json");
    static final JsonNode DEFS = SCHEMA.get("$defs");

    @Test
    void objectsTakeTheSameKeys() {
        assertThat(Schemas.propertyNames(SCHEMA)).containsExactlyInAnyOrderElementsOf(RigLoader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("peer"))).containsExactlyInAnyOrderElementsOf(RigLoader.PEER_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("team"))).containsExactlyInAnyOrderElementsOf(TeamReader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("device"))).containsExactlyInAnyOrderElementsOf(DeviceReader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("device").get("properties").get("expect")))
                .containsExactlyInAnyOrderElementsOf(DeviceReader.EXPECT_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("sa"))).containsExactlyInAnyOrderElementsOf(SaReader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("sa").get("properties").get("tunnel")))
                .containsExactlyInAnyOrderElementsOf(SaReader.TUNNEL_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("allow"))).containsExactlyInAnyOrderElementsOf(AllowReader.KEYS);
        assertThat(unionOfAlternatives(DEFS.get("key"))).containsExactlyInAnyOrderElementsOf(KeyReader.KEYS);
        assertThat(unionOfAlternatives(DEFS.get("wire"))).containsExactlyInAnyOrderElementsOf(WireReader.KEYS);
    }

    @Test
    void enumerationsUseTheLoadersWords() {
        JsonNode sa = DEFS.get("sa").get("properties");
        assertThat(Schemas.enumValues(sa.get("cipher"))).containsExactlyInAnyOrderElementsOf(RigWords.CIPHER.spellings());
        assertThat(Schemas.enumValues(sa.get("integrity"))).containsExactlyInAnyOrderElementsOf(RigWords.INTEGRITY.spellings());
        assertThat(Schemas.enumValues(sa.get("direction"))).containsExactlyInAnyOrderElementsOf(RigWords.DIRECTION.spellings());
        assertThat(Schemas.enumValues(sa.get("mode"))).containsExactlyInAnyOrderElementsOf(RigWords.ESP_MODE.spellings());
        JsonNode team = DEFS.get("team").get("properties");
        assertThat(Schemas.enumValues(team.get("mode"))).containsExactlyInAnyOrderElementsOf(RigWords.TEAM_MODE.spellings());
        assertThat(Schemas.enumValues(team.get("primary-reselect"))).containsExactlyInAnyOrderElementsOf(RigWords.RESELECT.spellings());
        assertThat(Schemas.enumValues(team.get("fig4"))).containsExactlyInAnyOrderElementsOf(RigWords.FIG4.spellings());
        assertThat(Schemas.enumValues(DEFS.get("device").get("properties").get("role")))
                .containsExactlyInAnyOrderElementsOf(RigWords.ROLE.spellings());
    }

    @Test
    void transportSchemesAreTheSame() {
        String pattern = DEFS.get("device").get("properties").get("transport").get("pattern").asText();
        assertThat(pattern).isEqualTo("^(" + String.join("|", TransportCheck.SCHEMES) + "):");
    }

    @Test
    void aeadCiphersAreTheOnesTheSchemaExemptsFromIntegrity() {
        List<String> aead = new ArrayList<>();
        DEFS.get("sa").get("allOf").forEach(r -> r.at("/if/properties/cipher/enum").forEach(c -> aead.add(c.asText())));
        List<String> expected = new ArrayList<>();
        for (org.nicrig.protocol.message.Cipher c : org.nicrig.protocol.message.Cipher.values()) {
            if (c.isAead()) {
                expected.add(c.name());
                expected.add(org.nicrig.host.config.Choice.lowerDashed(c.name()));
            }
        }
        assertThat(aead).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> unionOfAlternatives(JsonNode oneOfHolder) {
        List<String> keys = new ArrayList<>();
        oneOfHolder.get("oneOf").forEach(alt -> {
            if (alt.has("properties")) {
                keys.addAll(Schemas.propertyNames(alt));
            }
        });
        return keys;
    }
}
