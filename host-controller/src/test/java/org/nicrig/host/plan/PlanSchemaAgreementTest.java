package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.host.config.Schemas;
import org.nicrig.host.rig.RigWords;

/**
 * schemas/plan.schema.json and the plan loader must not drift apart: the same keys in every
 * object, the same words in every enumeration, the same per-measurement rules.
 */
class PlanSchemaAgreementTest {
    static final JsonNode SCHEMA = Schemas.node("plan.schema.json");
    static final JsonNode DEFS = SCHEMA.get("$defs");

    static List<String> stepTypes() {
        return List.copyOf(StepReader.KEYS.keySet());
    }

    @Test
    void topLevelAndTeamKeys() {
        assertThat(Schemas.propertyNames(SCHEMA)).containsExactlyInAnyOrderElementsOf(PlanLoader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("team"))).containsExactlyInAnyOrderElementsOf(PlanLoader.TEAM_KEYS);
    }

    @Test
    void stepTypesAreTheSame() {
        assertThat(Schemas.enumValues(DEFS.get("step").get("properties").get("type"))).containsExactlyInAnyOrderElementsOf(stepTypes());
    }

    @ParameterizedTest
    @MethodSource("stepTypes")
    void eachStepTypeTakesTheSameKeys(String type) {
        assertThat(Schemas.propertyNames(DEFS.get(type))).containsExactlyInAnyOrderElementsOf(StepReader.KEYS.get(type));
    }

    @Test
    void nestedObjectsTakeTheSameKeys() {
        assertThat(Schemas.propertyNames(DEFS.get("hot-swap").get("properties").get("add"))).containsExactlyInAnyOrderElementsOf(StepReader.ADD_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("measured"))).containsExactlyInAnyOrderElementsOf(ExpectationReader.MEASURE_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("counted"))).containsExactlyInAnyOrderElementsOf(ExpectationReader.COUNTER_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("refused"))).containsExactlyInAnyOrderElementsOf(ExpectationReader.REFUSED_KEYS);
    }

    @Test
    void enumerationsUseTheLoadersWords() {
        assertThat(enumOf("fault", "fault")).containsExactlyInAnyOrderElementsOf(PlanWords.FAULT.spellings());
        assertThat(enumOf("measured", "measure")).containsExactlyInAnyOrderElementsOf(PlanWords.MEASURE.spellings());
        assertThat(enumOf("measured", "unit")).containsExactlyInAnyOrderElementsOf(PlanWords.UNIT.spellings());
        assertThat(enumOf("traffic", "direction")).containsExactlyInAnyOrderElementsOf(PlanWords.DIRECTION.spellings());
        assertThat(enumOf("probe", "probe")).containsExactlyInAnyOrderElementsOf(PlanWords.PROBE.spellings());
        assertThat(enumOf("team", "mode")).containsExactlyInAnyOrderElementsOf(RigWords.TEAM_MODE.spellings());
        assertThat(enumOf("team", "primary-reselect")).containsExactlyInAnyOrderElementsOf(RigWords.RESELECT.spellings());
        assertThat(enumOf("team", "fig4")).containsExactlyInAnyOrderElementsOf(RigWords.FIG4.spellings());
    }

    @Test
    void perMeasurementRulesFollowTheMeasureEnum() {
        assertThat(ruleMeasures(r -> r.at("/then/not/required/0").asText().equals("member")))
                .containsExactlyInAnyOrderElementsOf(keys(m -> m.scope() == Measure.Scope.TEAM));
        assertThat(ruleMeasures(r -> r.at("/then/required/0").asText().equals("member")))
                .containsExactlyInAnyOrderElementsOf(keys(m -> m.scope() == Measure.Scope.MEMBER_REQUIRED));
        assertThat(ruleMeasures(r -> r.at("/then/properties/at-most/maximum").asDouble() == 1))
                .containsExactlyInAnyOrderElementsOf(keys(m -> !m.unit().admits(1.5)));
        for (Unit unit : Unit.values()) {
            assertThat(ruleMeasures(r -> r.at("/then/properties/unit/const").asText().equals(unit.symbol())))
                    .as("measures in %s", unit.symbol())
                    .containsExactlyInAnyOrderElementsOf(keys(m -> m.unit() == unit));
        }
    }

    private static List<String> enumOf(String def, String property) {
        return Schemas.enumValues(DEFS.get(def).get("properties").get(property));
    }

    /** The measures listed in the if-part of the measured rule that {@code rule} picks out. */
    private static List<String> ruleMeasures(Predicate<JsonNode> rule) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : DEFS.get("measured").get("allOf")) {
            JsonNode measures = r.at("/if/properties/measure/enum");
            if (!measures.isMissingNode() && rule.test(r)) {
                measures.forEach(m -> out.add(m.asText()));
            }
        }
        return out;
    }

    private static List<String> keys(Predicate<Measure> which) {
        return Arrays.stream(Measure.values()).filter(which).map(Measure::key).toList();
    }
}
