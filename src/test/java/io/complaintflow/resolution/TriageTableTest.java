package io.complaintflow.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.complaintflow.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** processes/triage.dmn, decision {@code triage}: one test per rule row, in row order (hit policy FIRST). */
class TriageTableTest {

  private static final DmnDecision TRIAGE = DecisionTables.load("triage.dmn", "triage");

  private static Map<String, Object> triage(String declaredType, String category, String channel, String segment) {
    return DecisionTables.evaluate(TRIAGE, Variables.createVariables()
        .putValue("declaredType", declaredType)
        .putValue("category", category)
        .putValue("channel", channel)
        .putValue("segment", segment));
  }

  private static void assertTriage(Map<String, Object> result, String type, String priority, String tier) {
    assertThat(result)
        .hasSize(3)
        .containsEntry("type", type)
        .containsEntry("priority", priority)
        .containsEntry("tier", tier);
  }

  // row a
  @Test
  void declaredSuggestionIsAGeneralL1SuggestionWhateverTheCategoryOrChannel() {
    assertTriage(triage("suggestion", "feature", "web", "standard"), "suggestion", "general", "L1");
    // declared type wins over an urgent category, the emergency line and VIP
    assertTriage(triage("suggestion", "outage", "emergency-line", "vip"), "suggestion", "general", "L1");
  }

  // row b
  @Test
  void declaredRequirementIsAGeneralL1RequirementWhateverTheCategoryOrChannel() {
    assertTriage(triage("requirement", "new-feature", "portal", "standard"), "requirement", "general", "L1");
    assertTriage(triage("requirement", "payment", "emergency-line", "vip"), "requirement", "general", "L1");
  }

  // row c
  @Test
  void declaredPraiseIsGeneralL1PraiseWhateverTheCategoryOrChannel() {
    assertTriage(triage("praise", "praise", "app-store", "standard"), "praise", "general", "L1");
    assertTriage(triage("praise", "security", "emergency-line", "vip"), "praise", "general", "L1");
  }

  // row d
  @Test
  void undeclaredFeatureExperienceOrOptimisationFeedbackBecomesASuggestion() {
    for (String category : new String[] {"feature", "experience", "optimisation"}) {
      assertTriage(triage(null, category, "web", "vip"), "suggestion", "general", "L1");
    }
    // near miss: the customer declared a problem, so the category does not turn it into a suggestion
    assertTriage(triage("problem", "feature", "web", "standard"), "problem", "general", "L1");
  }

  // row e
  @Test
  void undeclaredNewFeatureOrBusinessScenarioFeedbackBecomesARequirement() {
    assertTriage(triage(null, "new-feature", "email", "standard"), "requirement", "general", "L1");
    assertTriage(triage(null, "business-scenario", "portal", "vip"), "requirement", "general", "L1");
    // near miss: a declared complaint keeps its type and falls through to the default row
    assertTriage(triage("complaint", "new-feature", "email", "standard"), "complaint", "general", "L1");
  }

  // row f
  @Test
  void undeclaredPraiseCategoryBecomesPraise() {
    assertTriage(triage(null, "praise", "social-media", "standard"), "praise", "general", "L1");
    // near miss: a declared complaint in the praise category stays a complaint
    assertTriage(triage("complaint", "praise", "social-media", "standard"), "complaint", "general", "L1");
  }

  // row g
  @Test
  void outageSecurityOrDataLossIsUrgentForL2() {
    for (String category : new String[] {"outage", "security", "data-loss"}) {
      assertTriage(triage(null, category, "web", "standard"), "problem", "urgent", "L2");
    }
    // a declared complaint keeps its type; row g comes before the emergency-line row (L1)
    assertTriage(triage("complaint", "data-loss", "emergency-line", "vip"), "complaint", "urgent", "L2");
    assertTriage(triage("problem", "security", "chat", "standard"), "problem", "urgent", "L2");
  }

  // row h
  @Test
  void emergencyLineIsUrgentForL1() {
    assertTriage(triage(null, "usage", "emergency-line", "standard"), "problem", "urgent", "L1");
    assertTriage(triage("complaint", "performance", "emergency-line", "standard"), "complaint", "urgent", "L1");
    // near miss: the ordinary phone hotline is not urgent by itself
    assertTriage(triage(null, "usage", "phone", "standard"), "problem", "general", "L1");
  }

  // row i
  @Test
  void vipPaymentProblemIsUrgentForL1() {
    assertTriage(triage(null, "payment", "web", "vip"), "problem", "urgent", "L1");
    assertTriage(triage("complaint", "payment", "email", "vip"), "complaint", "urgent", "L1");
    // near miss: the same payment problem of a standard customer is only important (row j)
    assertTriage(triage(null, "payment", "web", "standard"), "problem", "important", "L1");
  }

  // row j
  @Test
  void paymentProblemIsImportantForL1() {
    assertTriage(triage(null, "payment", "web", "standard"), "problem", "important", "L1");
    assertTriage(triage("complaint", "payment", "chat", null), "complaint", "important", "L1");
  }

  // row k
  @Test
  void performanceProblemIsImportantForL2() {
    assertTriage(triage(null, "performance", "web", "standard"), "problem", "important", "L2");
    // VIP does not change it: row k comes before the VIP complaint row
    assertTriage(triage("complaint", "performance", "portal", "vip"), "complaint", "important", "L2");
  }

  // row l
  @Test
  void vipComplaintIsImportantForL1() {
    assertTriage(triage("complaint", "service-attitude", "phone", "vip"), "complaint", "important", "L1");
    // row l comes before the functional-defect row (general, L2)
    assertTriage(triage("complaint", "functional-defect", "web", "vip"), "complaint", "important", "L1");
    // near misses: a VIP problem, an undeclared VIP feedback, a standard complaint
    assertTriage(triage("problem", "service-attitude", "phone", "vip"), "problem", "general", "L1");
    assertTriage(triage(null, "service-attitude", "phone", "vip"), "problem", "general", "L1");
    assertTriage(triage("complaint", "service-attitude", "phone", "standard"), "complaint", "general", "L1");
  }

  // row m
  @Test
  void functionalDefectIsGeneralForL2() {
    assertTriage(triage(null, "functional-defect", "web", "standard"), "problem", "general", "L2");
    assertTriage(triage("complaint", "functional-defect", "email", "standard"), "complaint", "general", "L2");
    assertTriage(triage("problem", "functional-defect", "app-store", "vip"), "problem", "general", "L2");
  }

  // row n
  @Test
  void everythingElseIsGeneralForL1AndUndeclaredBecomesAProblem() {
    assertTriage(triage(null, "usage", "web", "standard"), "problem", "general", "L1");
    assertTriage(triage("complaint", "product-quality", "email", "standard"), "complaint", "general", "L1");
    assertTriage(triage("problem", "account", "chat", "vip"), "problem", "general", "L1");
    assertTriage(triage(null, "other", "portal", "standard"), "problem", "general", "L1");
    // nothing known at all (every input null): still a general L1 problem
    assertTriage(triage(null, null, null, null), "problem", "general", "L1");
  }
}
