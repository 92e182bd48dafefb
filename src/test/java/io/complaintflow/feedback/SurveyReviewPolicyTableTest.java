package io.complaintflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * processes/survey-review.dmn, decision {@code survey-review-policy}: one test per rule row, in row order (hit policy
 * FIRST), with the near misses at each edge.
 */
class SurveyReviewPolicyTableTest {
    private static final DmnDecision POLICY = DecisionTables.load("survey-review.dmn", "survey-review-policy");

    private static boolean reviewNeeded(Boolean reopenRequested, int satisfaction) {
        Map<String, Object> result = DecisionTables.evaluate(POLICY, Variables.createVariables()
                .putValue("reopenRequested", reopenRequested)
                .putValue("satisfaction", satisfaction));
        assertThat(result).containsOnlyKeys("customerReviewNeeded");
        return (Boolean) result.get("customerReviewNeeded");
    }

    // row 1
    @Test
    void aCustomerWhoAsksToReopenIsReviewedHoweverHappy() {
        assertThat(reviewNeeded(true, 5)).isTrue();
        assertThat(reviewNeeded(true, 3)).isTrue();
    }

    // row 2
    @Test
    void oneOrTwoOfFiveIsReviewed() {
        assertThat(reviewNeeded(false, 1)).isTrue();
        assertThat(reviewNeeded(false, 2)).isTrue();
        // near miss: 3 of 5 is not
        assertThat(reviewNeeded(false, 3)).isFalse();
    }

    // row 3
    @Test
    void otherwiseTheCaseClosesWithoutAReview() {
        assertThat(reviewNeeded(false, 4)).isFalse();
        assertThat(reviewNeeded(false, 5)).isFalse();
        assertThat(reviewNeeded(null, 5)).as("no answer to the reopen question").isFalse();
    }
}
