package io.complaintflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The durations behind the KPI averages and p90s: exact whatever order they come in, and packed without loss. */
class MillisTest {
    private static final long MINUTE = 60_000;

    private static Millis of(long... values) {
        Millis millis = new Millis();
        for (long value : values) {
            millis.add(value);
        }
        return millis;
    }

    @Test
    void theP90InterpolatesAsSqlsPercentileContWhateverTheOrder() {
        // 10, 30 and 90 minutes: position 0.9 × 2 = 1.8, so 30 + 0.8 × 60
        assertThat(of(90 * MINUTE, 10 * MINUTE, 30 * MINUTE).p90Minutes()).isEqualByComparingTo("78.0");
        // eleven values 1..11 minutes: position 9 exactly, the tenth value
        assertThat(of(11 * MINUTE, 3 * MINUTE, MINUTE, 10 * MINUTE, 2 * MINUTE, 9 * MINUTE, 4 * MINUTE, 8 * MINUTE,
                5 * MINUTE, 7 * MINUTE, 6 * MINUTE).p90Minutes()).isEqualByComparingTo("10.0");
        assertThat(new Millis().p90Minutes()).isNull();
        assertThat(of(90_000).p90Minutes()).isEqualByComparingTo("1.5");
    }

    @Test
    void unsortedTalliesAddedToAnEmptyOneAreSortedBeforeTheP90() {
        Millis row = new Millis();
        row.addAll(of(90 * MINUTE, 10 * MINUTE));
        row.addAll(of(30 * MINUTE));
        assertThat(row.p90Minutes()).isEqualByComparingTo("78.0");
        Millis sortedThenNot = of(10 * MINUTE, 20 * MINUTE);
        sortedThenNot.addAll(of(5 * MINUTE));
        assertThat(sortedThenNot.p90Minutes()).isEqualByComparingTo("18.0");
        assertThat(sortedThenNot.averageMinutes()).isEqualByComparingTo("11.7");
    }

    @Test
    void packedValuesComeBackExactlyAndSmall() {
        Millis values = of(86_400_000L * 400, 1, -5_000, 0, 123_456_789, 123_456_789, Long.MAX_VALUE / 4);
        byte[] packed = values.encode();
        Millis back = Millis.decode(packed);
        assertThat(back.size()).isEqualTo(7);
        assertThat(back.p90Minutes()).isEqualByComparingTo(values.p90Minutes());
        assertThat(back.averageMinutes()).isEqualByComparingTo(values.averageMinutes());
        assertThat(Millis.decode(back.encode()).encode()).isEqualTo(packed);
        Millis day = new Millis();
        for (int i = 0; i < 3_000; i++) {
            day.add((i * 7_919L) % 86_400_000L);
        }
        assertThat(day.encode().length).as("three bytes a complaint, not eight").isLessThanOrEqualTo(3 * 3_000);
    }
}
