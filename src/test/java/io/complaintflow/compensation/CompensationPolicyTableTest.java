package io.complaintflow.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.complaintflow.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * processes/compensation-policy.dmn, decision {@code compensation-policy}: one test per rule row, in row order
 * (hit policy FIRST).
 */
class CompensationPolicyTableTest {

  private static final DmnDecision POLICY = DecisionTables.load("compensation-policy.dmn", "compensation-policy");

  private static Map<String, Object> compensation(String type, String priority, String segment,
      Boolean slaBreached, Boolean reopened) {
    return DecisionTables.evaluate(POLICY, Variables.createVariables()
        .putValue("type", type)
        .putValue("priority", priority)
        .putValue("segment", segment)
        .putValue("slaBreached", slaBreached)
        .putValue("reopened", reopened));
  }

  private static void assertCompensation(Map<String, Object> result, String kind, double amount,
      boolean approvalNeeded) {
    assertThat(result)
        .hasSize(3)
        .containsEntry("compensationKind", kind)
        .containsEntry("compensationAmount", amount)
        .containsEntry("compensationApprovalNeeded", approvalNeeded);
    // typeRef="double": even the literal 0 or 500 comes back as a java.lang.Double
    assertThat(result.get("compensationAmount")).isInstanceOf(Double.class);
  }

  // row 1
  @Test
  void suggestionsRequirementsAndPraiseAreNeverCompensated() {
    for (String type : new String[] {"suggestion", "requirement", "praise"}) {
      assertCompensation(compensation(type, "urgent", "vip", true, true), "none", 0, false);
    }
    // FEEL: null is not "problem" nor "complaint", so a missing type also gets nothing
    assertCompensation(compensation(null, "urgent", "vip", true, true), "none", 0, false);
  }

  // row 2
  @Test
  void vipUrgentBreachGetsApprovedRefund() {
    assertCompensation(compensation("problem", "urgent", "vip", true, false), "refund", 200, true);
    assertCompensation(compensation("complaint", "urgent", "vip", true, true), "refund", 200, true);
    // near miss: a standard customer gets the coupon of row 3
    assertCompensation(compensation("problem", "urgent", "standard", true, false), "coupon", 100, true);
  }

  // row 3
  @Test
  void urgentBreachGetsApprovedCouponOf100() {
    assertCompensation(compensation("problem", "urgent", "standard", true, false), "coupon", 100, true);
    assertCompensation(compensation("complaint", "urgent", null, true, true), "coupon", 100, true);
    // near miss: an important (not urgent) breach only gets the small coupon of row 6
    assertCompensation(compensation("problem", "important", "standard", true, false), "coupon", 30, false);
  }

  // row 4
  @Test
  void reopenedVipCaseGetsApprovedCouponOf80() {
    assertCompensation(compensation("problem", "general", "vip", false, true), "coupon", 80, true);
    // reopening outranks a non-urgent breach
    assertCompensation(compensation("complaint", "important", "vip", true, true), "coupon", 80, true);
    // near miss: a standard customer gets the coupon of row 5
    assertCompensation(compensation("problem", "general", "standard", false, true), "coupon", 50, false);
  }

  // row 5
  @Test
  void reopenedCaseGetsCouponOf50WithoutApproval() {
    assertCompensation(compensation("problem", "general", "standard", false, true), "coupon", 50, false);
    assertCompensation(compensation("complaint", "important", "standard", true, true), "coupon", 50, false);
    // near miss: reopened=false (or null) is not reopened
    assertCompensation(compensation("problem", "general", "standard", false, false), "none", 0, false);
    assertCompensation(compensation("problem", "general", "standard", false, null), "none", 0, false);
  }

  // row 6
  @Test
  void slaBreachGetsCouponOf30WithoutApproval() {
    assertCompensation(compensation("problem", "general", "standard", true, false), "coupon", 30, false);
    assertCompensation(compensation("complaint", "important", "vip", true, false), "coupon", 30, false);
    // near miss: no breach, nothing else applies
    assertCompensation(compensation("problem", "general", "standard", false, false), "none", 0, false);
  }

  // row 7
  @Test
  void vipUrgentSolvedInTimeGetsPointsWithoutApproval() {
    assertCompensation(compensation("problem", "urgent", "vip", false, false), "points", 500, false);
    // a null boolean matches only "-": an unknown breach flag is treated as no breach
    assertCompensation(compensation("complaint", "urgent", "vip", null, null), "points", 500, false);
    // near miss: a standard customer's urgent case solved in time gets nothing
    assertCompensation(compensation("problem", "urgent", "standard", false, false), "none", 0, false);
  }

  // row 8
  @Test
  void vipComplaintGetsGoodwillCouponOf20() {
    assertCompensation(compensation("complaint", "general", "vip", false, false), "coupon", 20, false);
    assertCompensation(compensation("complaint", "important", "vip", false, false), "coupon", 20, false);
    // near misses: a VIP problem, a standard complaint
    assertCompensation(compensation("problem", "general", "vip", false, false), "none", 0, false);
    assertCompensation(compensation("complaint", "general", "standard", false, false), "none", 0, false);
  }

  // row 9
  @Test
  void everythingElseGetsNoCompensation() {
    assertCompensation(compensation("problem", "general", "standard", false, false), "none", 0, false);
    assertCompensation(compensation("complaint", "urgent", "standard", false, false), "none", 0, false);
    assertCompensation(compensation("problem", "important", null, null, null), "none", 0, false);
  }
}
