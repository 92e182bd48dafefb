package io.complaintflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.complaintflow.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * processes/incident-review.dmn, decision {@code incident-review-policy}: one test per rule row, in row order
 * (hit policy FIRST).
 */
class IncidentReviewPolicyTableTest {

  private static final DmnDecision POLICY = DecisionTables.load("incident-review.dmn", "incident-review-policy");

  private static Map<String, Object> review(String priority, Boolean slaBreached, Boolean reopened,
      Number compensationAmount) {
    return review(priority, slaBreached, reopened, compensationAmount, false);
  }

  private static Map<String, Object> review(String priority, Boolean slaBreached, Boolean reopened,
      Number compensationAmount, boolean partOfMassIncident) {
    return DecisionTables.evaluate(POLICY, Variables.createVariables()
        .putValue("priority", priority)
        .putValue("slaBreached", slaBreached)
        .putValue("reopened", reopened)
        .putValue("compensationAmount", compensationAmount)
        .putValue("partOfMassIncident", partOfMassIncident));
  }

  private static void assertReview(Map<String, Object> result, boolean needed) {
    assertThat(result).hasSize(1).containsEntry("incidentReviewNeeded", needed);
  }

  // row 1
  @Test
  void aComplaintOfAMassIncidentIsReviewedOnlyInTheIncidentsOwnReview() {
    assertReview(review("urgent", true, false, 500.0, true), false);
    // near misses: the same case on its own gets a review, and so does one reopened after the incident's fix
    assertReview(review("urgent", true, false, 500.0, false), true);
    assertReview(review("general", false, true, 0.0, true), true);
  }

  // row 2
  @Test
  void urgentCaseAlwaysNeedsIncidentReview() {
    assertReview(review("urgent", false, false, 0.0), true);
    assertReview(review("urgent", null, null, null), true);
    // near miss: important with nothing else is no review
    assertReview(review("important", false, false, 0.0), false);
  }

  // row 3
  @Test
  void slaBreachNeedsIncidentReview() {
    assertReview(review("general", true, false, 0.0), true);
    assertReview(review("important", true, null, null), true);
  }

  // row 4
  @Test
  void reopenedCaseNeedsIncidentReview() {
    assertReview(review("general", false, true, 0.0), true);
    assertReview(review("important", null, true, 30.0), true);
  }

  // row 5
  @Test
  void compensationAbove100NeedsIncidentReview() {
    assertReview(review("general", false, false, 100.01), true);
    assertReview(review("general", false, false, 500.0), true);
    // an Integer amount is converted by typeRef="double" and compares the same
    assertReview(review("general", false, false, 200), true);
    // near miss: exactly 100 is not above 100
    assertReview(review("general", false, false, 100.0), false);
  }

  // row 6
  @Test
  void otherwiseNoIncidentReview() {
    assertReview(review("general", false, false, 0.0), false);
    assertReview(review("important", false, false, 80.0), false);
    // nulls match only "-" entries: no review
    assertReview(review(null, null, null, null), false);
  }
}
