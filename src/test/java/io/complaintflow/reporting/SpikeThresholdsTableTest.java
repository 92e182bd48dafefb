package io.complaintflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** processes/spike-thresholds.dmn: one test per rule row, in row order (hit policy FIRST), with the near misses. */
class SpikeThresholdsTableTest {
    private static final DmnDecision TABLE = DecisionTables.load("spike-thresholds.dmn", "spike-thresholds");

    private static boolean spike(String category, int lastHour, double timesUsual) {
        Map<String, Object> result = DecisionTables.evaluate(TABLE, Variables.createVariables()
                .putValue("category", category).putValue("lastHour", lastHour).putValue("timesUsual", timesUsual));
        assertThat(result).containsOnlyKeys("spike");
        return (Boolean) result.get("spike");
    }

    // row 1
    @Test
    void threeOutagesSecurityOrDataLossCasesAtTwiceTheUsualAreASpike() {
        assertThat(spike("outage", 3, 2.0)).isTrue();
        assertThat(spike("security", 3, 12.0)).isTrue();
        assertThat(spike("data-loss", 4, 2.0)).isTrue();
        // near misses: two; or three at under twice the usual
        assertThat(spike("outage", 2, 8.0)).isFalse();
        assertThat(spike("outage", 3, 1.99)).isFalse();
    }

    // row 2
    @Test
    void tenOfAnyOtherCategoryButPraiseAtThreeTimesTheUsualAreASpike() {
        assertThat(spike("payment", 10, 3.0)).isTrue();
        assertThat(spike("usage", 40, 3.5)).isTrue();
        // near misses: nine; ten at under three times; praise
        assertThat(spike("payment", 9, 36.0)).isFalse();
        assertThat(spike("payment", 10, 2.99)).isFalse();
        assertThat(spike("praise", 50, 10.0)).isFalse();
    }

    // row 3
    @Test
    void otherwiseNoSpike() {
        assertThat(spike("account", 1, 4.0)).isFalse();
        assertThat(spike("outage", 0, 0.0)).isFalse();
    }
}
